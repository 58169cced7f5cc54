package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.binance.mock.Await;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.Placeholders;
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
 * What {@code stratc run --mode paper --accounts config/accounts.yaml} does with a Binance testnet account whose
 * addresses point at the mock: the runtime finds the adapter through its factory, streams the watch list,
 * trades on the strategy's signals and ends flat, with the exchange agreeing.
 */
class BinancePaperRunTest {
    @TempDir
    Path dir;
    private MockBinance exchange;

    @AfterEach
    void tearDown() throws Exception {
        Placeholders.useProcessEnvironment();
        exchange.close();
    }

    @Test
    void aPaperRunConfiguredAgainstTheMockTestnetTradesThroughTheFactory() throws Exception {
        exchange = new MockBinance(Clock.systemUTC());
        exchange.addHmacAccount("testnet", MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET);
        exchange.setBalance(MockBinance.DOC_API_KEY, "USDT", "100000");
        // fees paid in BNB: the strategy's BTC is exactly what it bought
        exchange.setBalance(MockBinance.DOC_API_KEY, "BNB", "1");
        exchange.payFeesInBnb(MockBinance.DOC_API_KEY, "600");
        Placeholders.useEnvironment(Map.of("BINANCE_API_KEY", MockBinance.DOC_API_KEY,
                "BINANCE_API_SECRET", MockBinance.DOC_SECRET));
        String base = exchange.restUrl().toString();
        Path accounts = dir.resolve("accounts.yaml");
        Files.writeString(accounts, """
                accounts:
                  - id: BN_TEST
                    broker: binance
                    environment: paper
                    api_key: ${BINANCE_API_KEY}
                    api_secret: ${BINANCE_API_SECRET}
                    rest_url: %s
                    ws_api_url: %s
                    stream_url: %s
                routing:
                  default: BN_TEST
                """.formatted(base, exchange.wsApiUrl().toString().replaceFirst("^http", "ws"),
                base.replaceFirst("^http", "ws")));
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
                EngineConfig.of("SmaCross", RunMode.PAPER, bar, utc, "bnrun", 0.00001), ConfigFiles.accounts(accounts),
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
            Await.until("the market stream", () -> exchange.openMarketSockets() == 1);
            double[] closes = {30000, 29900, 29800, 29700, 29600, 29800, 30100, 30400, 30700, 30200, 29700, 29200, 28700, 28600};
            for (double close : closes) {
                String price = BigDecimal.valueOf(close).toPlainString();
                exchange.setBook("BTCUSDT", BigDecimal.valueOf(close - 0.5).toPlainString(), price);
                exchange.trade("BTCUSDT", price, "0.1");
                Thread.sleep(bar.toMillis() + 30);
            }
            Await.until("the buy and the sell", () -> events.stream().filter(OrderEvent.Fill.class::isInstance).count() == 2);
            stop.set(true);
            engine.join(5_000);

            assertThat(run.engine().portfolio().position("BN_TEST", "BTCUSDT").quantity()).isZero();
            assertThat(run.engine().portfolio().position("BN_TEST", "BTCUSDT").realizedPnl()).isNotZero();
        }
        assertThat(exchange.free(MockBinance.DOC_API_KEY, "BTC")).isZero();
        assertThat(exchange.ordersOf(MockBinance.DOC_API_KEY)).isEqualTo(2);
    }
}
