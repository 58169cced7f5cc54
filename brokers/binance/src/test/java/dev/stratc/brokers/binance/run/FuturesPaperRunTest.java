package dev.stratc.brokers.binance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratc.brokers.binance.mock.Await;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.ops.ConsoleReport;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.runtime.run.BrokerRun;
import dev.stratc.strategy.StrategyProgram;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratc run examples/futures-trend.strat --mode paper --accounts accounts.yaml} on a futures sub-account
 * whose addresses point at the mock: the short-capable strategy opens a short with the account's leverage set,
 * funding settled by the exchange is booked once in cash, P&L, the journal and the status, a restart neither
 * books it again nor repeats an order, and the cover ends the run flat with the exchange agreeing.
 */
class FuturesPaperRunTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private MockBinance exchange;

    @BeforeEach
    void setUp() {
        exchange = new MockBinance(Clock.systemUTC());
        exchange.addHmacAccount("sub-futures", MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET);
        exchange.setFuturesWallet(MockBinance.DOC_API_KEY, "10000");
        Placeholders.useEnvironment(FuturesRunRig.ENVIRONMENT);
    }

    @AfterEach
    void tearDown() throws Exception {
        Placeholders.useProcessEnvironment();
        exchange.close();
    }

    /**
     * One trade (and the book around it) per half bar until {@code done}, from {@code price} moving by {@code step}
     * each time: the strategy's bars need wall time, and a trend to follow.
     */
    private void trade(double start, double step, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (double price = start; !done.getAsBoolean(); price += step) {
            String p = BigDecimal.valueOf(price).toPlainString();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            exchange.setBook(FuturesRunRig.SYMBOL, BigDecimal.valueOf(price - 0.5).toPlainString(),
                    BigDecimal.valueOf(price + 0.5).toPlainString());
            exchange.trade(FuturesRunRig.SYMBOL, p, "0.5");
            try {
                Thread.sleep(FuturesRunRig.BAR.toMillis() / 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private double position() {
        return exchange.futuresPosition(MockBinance.DOC_API_KEY, FuturesRunRig.SYMBOL).doubleValue();
    }

    private static long records(Path stateDir, String type) {
        return Journal.readAll(stateDir).records().stream().filter(r -> r.path("type").asText().equals(type)).count();
    }

    @Test
    void aShortOnAFuturesSubAccountBooksFundingOnceAcrossARestartAndEndsFlat() throws Exception {
        Path state = dir.resolve("state");
        Path accounts = FuturesRunRig.accountsFile(dir, exchange.restUrl().toString(), "", "",
                "  default: " + FuturesRunRig.ACCOUNT);
        StrategyProgram program = FuturesRunRig.program("futures-trend.strat");
        List<String> notes = new CopyOnWriteArrayList<>();
        RunEvents recorder = new RunEvents() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };

        try (Running run = new Running(BrokerRun.open(FuturesRunRig.setup(state, accounts, program, recorder)))) {
            trade(30_000, 0, "the warm-up bars", () -> run.run.engine().sequence() > 8);
            trade(29_000, -10, "the short", () -> position() < 0);
            assertThat(position()).isCloseTo(-0.01, within(1e-12));
            assertThat(exchange.futuresLeverage(MockBinance.DOC_API_KEY, FuturesRunRig.SYMBOL)).isEqualTo(3);
            assertThat(exchange.futuresMarginType(MockBinance.DOC_API_KEY, FuturesRunRig.SYMBOL)).isEqualTo("ISOLATED");

            // a positive rate: the short receives 0.01 × mark × 0.0001 from the longs
            exchange.settleFunding(FuturesRunRig.SYMBOL, "0.0001");
            Await.until("the funding booked", PATIENCE, () -> notes.stream().anyMatch(n -> n.contains("funding received")));
        }
        assertThat(records(state, "funding")).isEqualTo(1);
        double wallet = exchange.futuresWallet(MockBinance.DOC_API_KEY).doubleValue();

        StringWriter status = new StringWriter();
        ConsoleReport console = new ConsoleReport(new PrintWriter(status, true), ZoneId.of("UTC"));
        try (Running run = new Running(BrokerRun.open(FuturesRunRig.setup(state, accounts, program, console)))) {
            // the restart's reconciliation read the income history again: the same tranId, nothing new booked
            assertThat(records(state, "funding")).isEqualTo(1);
            trade(29_000, 25, "the cover", () -> position() == 0);
            Await.until("the cover booked", PATIENCE,
                    () -> run.run.engine().orders().working().isEmpty() && records(state, "position") >= 2);
            run.stop();
            var portfolio = run.run.engine().portfolio();
            assertThat(portfolio.fundingTotal(FuturesRunRig.ACCOUNT)).isCloseTo(0.029, within(0.001)).isPositive();
            assertThat(portfolio.position(FuturesRunRig.ACCOUNT, FuturesRunRig.SYMBOL).quantity()).isZero();
            console.status(run.run.engine());
            console.summary(run.run.engine(), run.run.startingCash());
        }
        assertThat(records(state, "funding")).isEqualTo(1);
        assertThat(exchange.futuresOrdersOf(MockBinance.DOC_API_KEY)).isEqualTo(2);
        assertThat(exchange.futuresWallet(MockBinance.DOC_API_KEY).doubleValue()).isLessThan(wallet);
        assertThat(status.toString()).contains("funding +0.03 USDT").contains("funding +0.03 USDT (BTCUSDT +0.03; in the P&L above)");
    }

    @Test
    void anEntryIsRefusedWhileTheAccountsMarginRatioIsAtItsLimitAndTheStatusShowsIt() throws Exception {
        // an ETH position the account held before the run: its maintenance margin on a small wallet is 12 %
        exchange.setFuturesWallet(MockBinance.DOC_API_KEY, "100");
        exchange.setBook("ETHUSDT", "2999.5", "3000.5");
        exchange.setFuturesPosition(MockBinance.DOC_API_KEY, "ETHUSDT", "BOTH", "1", "3000");
        Path state = dir.resolve("state");
        Path accounts = FuturesRunRig.accountsFile(dir, exchange.restUrl().toString(),
                "    max_margin_ratio: 10%", "", "  default: " + FuturesRunRig.ACCOUNT);
        List<Refusal> refusals = new CopyOnWriteArrayList<>();
        StringWriter status = new StringWriter();
        ConsoleReport console = new ConsoleReport(new PrintWriter(status, true), ZoneId.of("UTC"));
        RunEvents recorder = new RunEvents() {
            @Override
            public void refused(OrderIntent intent, String account, Refusal refusal) {
                refusals.add(refusal);
            }
        };

        try (Running run = new Running(BrokerRun.open(FuturesRunRig.setup(state, accounts,
                FuturesRunRig.program("futures-trend.strat"), RunEvents.all(console, recorder))))) {
            trade(30_000, 0, "the warm-up bars", () -> run.run.engine().sequence() > 8);
            trade(29_000, -10, "the refused short", () -> !refusals.isEmpty());
            run.stop();
            console.status(run.run.engine());
        }

        assertThat(refusals.get(0).code()).isEqualTo(Refusal.Code.MARGIN_RATIO);
        assertThat(refusals.get(0).message()).contains("account bn-sub-futures is at a margin ratio of",
                "at or above its max_margin_ratio 10.0 %", "only exits are sent");
        assertThat(exchange.futuresOrdersOf(MockBinance.DOC_API_KEY)).isZero();
        assertThat(status.toString()).containsPattern("margin ratio 1\\d\\.\\d % \\(max 10\\.0 %\\)")
                .containsPattern("ETHUSDT .* liquidation [\\d,.]+ \\(\\d+\\.\\d % away\\)");
    }

    /** A run on its own engine thread, stopped and joined on close. */
    private static final class Running implements AutoCloseable {
        final BrokerRun run;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread engine;

        Running(BrokerRun run) {
            this.run = run;
            engine = Thread.ofPlatform().name("engine").start(() -> {
                try {
                    run.run(stop::get);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void stop() throws InterruptedException {
            stop.set(true);
            engine.join(10_000);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
            run.close();
        }
    }
}
