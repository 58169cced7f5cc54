package dev.stratc.brokers.binance.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.testing.ChildProcess;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper run of the short-capable strategy on a futures sub-account, killed with SIGKILL right after the
 * exchange filled its short (before or after the fill reached the journal: whichever the kill hits), with
 * funding settled while it is down; restarted on the same state directory it books the fill once and the
 * funding once, and covers the short once: nothing lost, nothing doubled at the exchange.
 */
class FuturesKilledRunTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private MockBinance exchange;
    private Process child;

    @BeforeEach
    void setUp() {
        exchange = new MockBinance(Clock.systemUTC());
        exchange.addHmacAccount("sub-futures", MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET);
        exchange.setFuturesWallet(MockBinance.DOC_API_KEY, "10000");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (child != null && child.isAlive()) {
            ChildProcess.kill(child);
        }
        exchange.close();
    }

    private Process start(Path state, Path accounts) throws Exception {
        Process started = ChildProcess.start(FuturesRunChild.class, state.resolve("child-stderr.log"),
                FuturesRunRig.ENVIRONMENT, state.toString(), accounts.toString());
        assertThat(ChildProcess.awaitLine(started, "started", PATIENCE)).as(log(state)).isTrue();
        return started;
    }

    private static String log(Path state) {
        try {
            Path file = state.resolve("child-stderr.log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Trades from {@code start}, moving {@code step} each half bar, until {@code done}. */
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

    private double position() {
        return exchange.futuresPosition(MockBinance.DOC_API_KEY, FuturesRunRig.SYMBOL).doubleValue();
    }

    private static List<com.fasterxml.jackson.databind.node.ObjectNode> records(Path state, String type) {
        return Journal.readAll(state).records().stream().filter(r -> r.path("type").asText().equals(type)).toList();
    }

    @Test
    void killedAfterItsShortFilledTheRestartBooksTheFillAndTheFundingOnceAndCoversOnce() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        Path accounts = FuturesRunRig.accountsFile(dir, exchange.restUrl().toString(), "", "",
                "  default: " + FuturesRunRig.ACCOUNT);

        child = start(state, accounts);
        int[] warmUp = {0};
        // five seconds of flat trades: the strategy's average needs its bars before the fall
        trade(30_000, 0, "the warm-up", () -> warmUp[0]++ >= 10);
        trade(30_000, -20, "the short at the exchange", () -> position() < 0);
        ChildProcess.kill(child);
        // settled while no process runs: only the income history tells the restart
        exchange.settleFunding(FuturesRunRig.SYMBOL, "0.0001");

        child = start(state, accounts);
        trade(29_000, 25, "the cover at the exchange", () -> position() == 0);
        // the cover's fill and position reach the journal, then the run stops cleanly
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (records(state, "position").stream().noneMatch(r -> r.path("quantity").asDouble() == 0)) {
            assertThat(System.nanoTime()).as("the cover booked; " + log(state)).isLessThan(deadline);
            Thread.sleep(50);
        }
        Files.writeString(state.resolve("stop"), "");
        assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as(log(state)).isTrue();

        assertThat(exchange.futuresOrdersOf(MockBinance.DOC_API_KEY)).as("orders at the exchange").isEqualTo(2);
        assertThat(position()).isZero();
        assertThat(records(state, "funding")).as("funding booked once").hasSize(1)
                .allSatisfy(r -> assertThat(r.path("amount").asDouble()).isPositive());
        List<String> fills = records(state, "event").stream().filter(r -> r.path("kind").asText().equals("Fill"))
                .map(r -> r.path("clientOrderId").asText()).toList();
        assertThat(fills).as("one fill per order, whether journalled before the kill or reconciled after")
                .hasSize(2).doesNotHaveDuplicates();
    }
}
