package dev.stratc.brokers.binance.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.run.BrokerRun;
import dev.stratc.runtime.run.ConfigFiles;
import dev.stratc.runtime.run.RunState;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.StrategySettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's pool: one accounts file with a Spot main account and a futures sub-account, a long-only spot
 * strategy routed to the main account and the short-capable futures strategy routed to the sub-account, both
 * running at the same time. Each strategy's orders reach only its own account and market.
 */
class FuturesAndSpotPoolTest {
    private static final String MAIN_KEY = "mainAccountKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123";
    private static final String MAIN_SECRET = "mainAccountSecret0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH012";
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @TempDir
    Path dir;
    private MockBinance exchange;

    @AfterEach
    void tearDown() throws Exception {
        Placeholders.useProcessEnvironment();
        exchange.close();
    }

    private void trade(double start, double step, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (double price = start; !done.getAsBoolean(); price += step) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            exchange.setBook(FuturesRunRig.SYMBOL, BigDecimal.valueOf(price - 0.5).toPlainString(),
                    BigDecimal.valueOf(price + 0.5).toPlainString());
            exchange.trade(FuturesRunRig.SYMBOL, BigDecimal.valueOf(price).toPlainString(), "0.5");
            Thread.sleep(FuturesRunRig.BAR.toMillis() / 2);
        }
    }

    @Test
    void aSpotStrategyOnTheMainAccountAndAFuturesStrategyOnTheSubAccountTradeTheirOwnMarkets() throws Exception {
        exchange = new MockBinance(Clock.systemUTC());
        exchange.addHmacAccount("sub-futures", MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET);
        exchange.setFuturesWallet(MockBinance.DOC_API_KEY, "10000");
        exchange.addHmacAccount("main", MAIN_KEY, MAIN_SECRET);
        exchange.setBalance(MAIN_KEY, "USDT", "100000");
        Map<String, String> environment = new HashMap<>(FuturesRunRig.ENVIRONMENT);
        environment.putAll(Map.of("BN_MAIN_KEY", MAIN_KEY, "BN_MAIN_SECRET", MAIN_SECRET));
        Placeholders.useEnvironment(environment);
        String rest = exchange.restUrl().toString();
        Path accounts = FuturesRunRig.accountsFile(dir, rest, "    sub_account_of: bn-main", """
                  - id: bn-main
                    broker: binance
                    environment: paper
                    api_key: ${BN_MAIN_KEY}
                    api_secret: ${BN_MAIN_SECRET}
                    rest_url: %s
                    ws_api_url: %s
                    stream_url: %s
                """.formatted(rest, exchange.wsApiUrl().toString().replaceFirst("^http", "ws"),
                rest.replaceFirst("^http", "ws")), """
                  default: bn-main
                  strategies:
                    FuturesTrend: bn-sub-futures
                    SmaCross: bn-main
                """);
        SmaCrossProgram spot = new SmaCrossProgram(2, 4, new Quantity.Units(0.25), Stops.NONE, FuturesRunRig.BAR);
        ZoneId utc = ZoneId.of("UTC");
        Path spotState = dir.resolve("spot-state");
        BrokerRun.Setup spotSetup = new BrokerRun.Setup(spotState, spot, StrategySettings.defaults(FuturesRunRig.BAR, utc),
                EngineConfig.of("SmaCross", RunMode.PAPER, FuturesRunRig.BAR, utc, RunState.tag(spotState), 0.00001),
                ConfigFiles.accounts(accounts), RiskLimits.none("CRYPTO"), Set.of(), new RunEvents() { },
                List.of(FuturesRunRig.SYMBOL));
        BrokerRun.Setup futuresSetup = FuturesRunRig.setup(dir.resolve("futures-state"), accounts,
                FuturesRunRig.program("futures-trend.strat"), new RunEvents() { });

        AtomicBoolean stop = new AtomicBoolean();
        try (BrokerRun spotRun = BrokerRun.open(spotSetup); BrokerRun futuresRun = BrokerRun.open(futuresSetup)) {
            List<Thread> engines = List.of(spotRun, futuresRun).stream().map(run -> Thread.ofPlatform().start(() -> {
                try {
                    run.run(stop::get);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).toList();
            int[] flat = {0};
            trade(30_000, 0, "the warm-up", () -> flat[0]++ >= 10);
            trade(30_000, -20, "the futures short", () -> exchange.futuresPosition(MockBinance.DOC_API_KEY,
                    FuturesRunRig.SYMBOL).signum() < 0);
            trade(29_500, 40, "the cover and the spot buy", () -> exchange.futuresPosition(MockBinance.DOC_API_KEY,
                    FuturesRunRig.SYMBOL).signum() == 0 && exchange.ordersOf(MAIN_KEY) >= 1);
            stop.set(true);
            for (Thread engine : engines) {
                engine.join(10_000);
            }
        }

        // the spot strategy bought coins on the main account; the futures strategy shorted and covered on the sub
        assertThat(exchange.ordersOf(MAIN_KEY)).isGreaterThanOrEqualTo(1);
        assertThat(exchange.free(MAIN_KEY, "BTC")).isPositive();
        assertThat(exchange.futuresOrdersOf(MockBinance.DOC_API_KEY)).isEqualTo(2);
        // and neither reached the other's market
        assertThat(exchange.ordersOf(MockBinance.DOC_API_KEY)).isZero();
        assertThat(exchange.futuresOrdersOf(MAIN_KEY)).isZero();
    }
}
