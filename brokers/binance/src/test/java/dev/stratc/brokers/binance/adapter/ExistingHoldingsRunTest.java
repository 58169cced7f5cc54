package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratc.brokers.binance.mock.Await;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.BrokerRun;
import dev.stratc.runtime.run.ConfigFiles;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.StrategySettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratc run --mode paper} on a Binance main account and a sub-account that already hold coins: the
 * run trades only what it opens. The main account holds 1 BTC, 10 ETH and 100000 USDT; the strategy buys
 * 0.25 BTC (the 0.1 % fee taken in BTC leaves 0.24975), and its exit sells those 0.24975: at the end both
 * accounts hold exactly the coins they started with.
 *
 * <p>It needs the engine to leave holdings it did not open alone (issue 13, "held outside the strategy") and
 * to count a fee charged in the base asset out of the position.
 */
class ExistingHoldingsRunTest {
    private static final String SUB_KEY = "subAccountKey00000000000000000000000000000000000000000000000000";
    private static final String SUB_SECRET = "subAccountSecret000000000000000000000000000000000000000000000000";

    @TempDir
    Path dir;
    private MockBinance exchange;

    @AfterEach
    void tearDown() throws Exception {
        Placeholders.useProcessEnvironment();
        exchange.close();
    }

    @Test
    void accountsThatAlreadyHoldCoinsStillHoldThemWhenTheRunEnds() throws Exception {
        exchange = new MockBinance(Clock.systemUTC());
        exchange.addHmacAccount("main", MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET);
        exchange.setBalance(MockBinance.DOC_API_KEY, "USDT", "100000");
        exchange.setBalance(MockBinance.DOC_API_KEY, "BTC", "1");
        exchange.setBalance(MockBinance.DOC_API_KEY, "ETH", "10");
        exchange.addHmacAccount("sub-trend", SUB_KEY, SUB_SECRET);
        exchange.setBalance(SUB_KEY, "USDT", "50000");
        exchange.setBalance(SUB_KEY, "BTC", "2");
        exchange.setBalance(SUB_KEY, "ETH", "5");
        Placeholders.useEnvironment(Map.of("BINANCE_API_KEY", MockBinance.DOC_API_KEY,
                "BINANCE_API_SECRET", MockBinance.DOC_SECRET, "BINANCE_SUB_KEY", SUB_KEY, "BINANCE_SUB_SECRET", SUB_SECRET));
        String base = exchange.restUrl().toString();
        String wsApi = exchange.wsApiUrl().toString().replaceFirst("^http", "ws");
        String stream = base.replaceFirst("^http", "ws");
        Path accounts = dir.resolve("accounts.yaml");
        Files.writeString(accounts, """
                accounts:
                  - id: BN_MAIN
                    broker: binance
                    environment: paper
                    api_key: ${BINANCE_API_KEY}
                    api_secret: ${BINANCE_API_SECRET}
                    rest_url: %1$s
                    ws_api_url: %2$s
                    stream_url: %3$s
                  - id: BN_SUB
                    broker: binance
                    environment: paper
                    api_key: ${BINANCE_SUB_KEY}
                    api_secret: ${BINANCE_SUB_SECRET}
                    sub_account_of: BN_MAIN
                    rest_url: %1$s
                    ws_api_url: %2$s
                    stream_url: %3$s
                routing:
                  default: BN_MAIN
                """.formatted(base, wsApi, stream));
        Duration bar = Duration.ofMillis(300);
        SmaCrossProgram program = new SmaCrossProgram(2, 4, new Quantity.Units(0.25), Stops.NONE, bar);
        ZoneId utc = ZoneId.of("UTC");
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        RunEvents recorder = new RunEvents() {
            @Override
            public void orderEvent(ManagedOrder order, OrderEvent event) {
                events.add(event);
            }
        };
        BrokerRun.Setup setup = new BrokerRun.Setup(dir.resolve("state"), program, StrategySettings.defaults(bar, utc),
                EngineConfig.of("SmaCross", RunMode.PAPER, bar, utc, "bnheld", 0.00001), ConfigFiles.accounts(accounts),
                RiskLimits.none("CRYPTO"), Set.of(), recorder, List.of("BTCUSDT"));

        AtomicBoolean stop = new AtomicBoolean();
        try (BrokerRun run = BrokerRun.open(setup)) {
            Thread engine = Thread.ofPlatform().name("engine").start(() -> {
                try {
                    run.run(stop::get);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Await.until("the market streams", () -> exchange.openMarketSockets() >= 1);
            double[] closes = {30000, 29900, 29800, 29700, 29600, 29800, 30100, 30400, 30700, 30200, 29700, 29200, 28700, 28600};
            for (double close : closes) {
                String price = BigDecimal.valueOf(close).toPlainString();
                exchange.setBook("BTCUSDT", BigDecimal.valueOf(close - 0.5).toPlainString(), price);
                exchange.trade("BTCUSDT", price, "0.1");
                Thread.sleep(bar.toMillis() + 30);
            }
            Await.until("the strategy's buy and its exit", () -> fills(events).size() >= 2);
            Thread.sleep(500); // anything else the run would do with the holdings
            stop.set(true);
            engine.join(5_000);

            List<OrderEvent.Fill> fills = fills(events);
            assertThat(fills).hasSize(2);
            assertThat(fills.get(0).side()).isEqualTo(Side.BUY);
            assertThat(fills.get(0).quantity()).isEqualTo(0.25);
            assertThat(fills.get(0).commissionAsset()).isEqualTo("BTC");
            assertThat(fills.get(1).side()).isEqualTo(Side.SELL);
            assertThat(fills.get(1).quantity()).as("the exit sells what the buy left").isCloseTo(0.24975, within(1e-12));
            assertThat(events).noneMatch(OrderEvent.Rejected.class::isInstance);
            assertThat(run.engine().portfolio().position("BN_MAIN", "BTCUSDT").realizedPnl()).isNotZero();
        }
        assertThat(exchange.free(MockBinance.DOC_API_KEY, "BTC")).isEqualByComparingTo("1");
        assertThat(exchange.free(MockBinance.DOC_API_KEY, "ETH")).isEqualByComparingTo("10");
        assertThat(exchange.free(SUB_KEY, "BTC")).isEqualByComparingTo("2");
        assertThat(exchange.free(SUB_KEY, "ETH")).isEqualByComparingTo("5");
        assertThat(exchange.free(SUB_KEY, "USDT")).isEqualByComparingTo("50000");
        assertThat(exchange.ordersOf(SUB_KEY)).isZero();
        assertThat(exchange.ordersOf(MockBinance.DOC_API_KEY)).isEqualTo(2);
    }

    private static List<OrderEvent.Fill> fills(List<OrderEvent> events) {
        return events.stream().filter(OrderEvent.Fill.class::isInstance).map(OrderEvent.Fill.class::cast).toList();
    }
}
