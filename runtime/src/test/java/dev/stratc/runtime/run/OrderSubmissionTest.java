package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.data.UniverseLoader;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.ops.ConsoleReport;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderState;
import dev.stratc.runtime.order.RetryPolicy;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.sim.SimulatedExchange;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;

/**
 * What the engine does with an order a broker refuses, and with orders over {@code max_orders_per_second}: the
 * simulated exchange refuses on demand (as a server under a rate limit does) and records every order that
 * reached it, so the attempts and their gaps are measured at the venue.
 */
class OrderSubmissionTest {
    @TempDir
    Path stateDir;

    private static List<SimulatedExchange.Submission> sells(SimulatedRun run) {
        return run.exchange().submissions().stream().filter(s -> s.order().side() == Side.SELL).toList();
    }

    @Test
    void anExitRefusedForTheRateIsRetriedWithGrowingGapsAndThenGivenUpOnce() throws Exception {
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8), valley(),
                RunMode.PAPER, RiskLimits.none("CRYPTO"), List.of("SIM"), recorder))) {
            run.exchange().refuse(order -> order.side() == Side.SELL, RejectReason.RATE_LIMITED,
                    "Too many new orders; current limit is 10 orders per SECOND");
            run.run(() -> false);

            List<SimulatedExchange.Submission> sells = sells(run);
            int attempts = RetryPolicy.DEFAULT.maxAttempts();
            assertThat(sells).as("bounded: one exit's attempts, then nothing until the position changes")
                    .hasSize(attempts);
            assertThat(sells).extracting(s -> s.order().clientOrderId()).doesNotHaveDuplicates();
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < sells.size(); i++) {
                gaps.add(sells.get(i).time() - sells.get(i - 1).time());
            }
            for (int i = 0; i < gaps.size(); i++) {
                assertThat(gaps.get(i)).as("gap %d of %s", i, gaps)
                        .isGreaterThanOrEqualTo(RetryPolicy.DEFAULT.delayMillis(i + 1));
            }
            assertThat(gaps.getLast()).as("the gaps grow: %s", gaps).isGreaterThan(4 * gaps.getFirst());
            assertThat(recorder.attentions).as("one clear message, notified").hasSize(1);
            assertThat(recorder.attentions.getFirst()).contains("gave up", "SELL", "SIM", "RATE_LIMITED",
                    attempts + " refused sends");
            assertThat(run.engine().portfolio().openPositions("SIM")).as("the position stays open, as it is")
                    .hasSize(1);
        }
    }

    @Test
    void aRefusalThatCannotChangeIsNotRetried() throws Exception {
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8), valley(),
                RunMode.PAPER, RiskLimits.none("CRYPTO"), List.of("SIM"), recorder))) {
            run.exchange().refuse(order -> order.side() == Side.SELL, RejectReason.INSUFFICIENT_POSITION,
                    "Account has insufficient balance for requested action.");
            run.run(() -> false);

            assertThat(sells(run)).as("the same exit is never sent again as it is").hasSize(1);
            assertThat(recorder.attentions).hasSize(1);
            assertThat(recorder.attentions.getFirst()).contains("INSUFFICIENT_POSITION", "not sent again");
        }
    }

    @Test
    void overTheOrderRateOrdersWaitExitsFirstAndNoExitIsDropped() throws Exception {
        Recorder recorder = new Recorder();
        // twenty symbols decide at the same minute; at most two orders a second may leave
        RiskLimits limits = new RiskLimits(0, 0, 0, 0, 0, 0, 0, false, true, Double.NaN, 2, "CRYPTO", 10);
        var universe = UniverseLoader.load("synth:krx?symbols=20&days=2&seed=3", ReadOptions.defaults(Market.GENERIC),
                List.of());
        ReplayDataSet data = ReplayDataSet.fromBars("synthetic", universe.bars());
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(2, 4), data, RunMode.PAPER,
                limits, List.of("SIM"), recorder))) {
            int[] mostQueued = {0};
            StringWriter status = new StringWriter();
            run.run(() -> {
                int queued = run.engine().queued();
                if (queued > 2 && mostQueued[0] <= 2) {
                    new ConsoleReport(new PrintWriter(status), ZoneId.of("UTC")).status(run.engine());
                    assertThat(status.toString()).as("the status shows the queue")
                            .contains("queue " + queued + " waiting to be sent (" + run.engine().queuedExits()
                                    + " exits)");
                }
                mostQueued[0] = Math.max(mostQueued[0], queued);
                return false;
            });

            assertThat(mostQueued[0]).as("orders waited").isGreaterThan(2);
            assertThat(run.engine().droppedEntries()).as("stale entries were dropped").isPositive();
            assertThat(recorder.refusals).extracting(Refusal::code).doesNotContain(Refusal.Code.ORDER_RATE);
            List<ManagedOrder> exits = run.engine().orders().all().stream().filter(o -> o.intent().reducing())
                    .toList();
            assertThat(exits).hasSizeGreaterThan(10);
            assertThat(exits).as("no exit is dropped").noneMatch(o -> o.state() == OrderState.REJECTED);
            assertThat(recorder.warnings).filteredOn(w -> w.contains("dropped")).allMatch(w -> w.startsWith("entry"));
            List<SimulatedExchange.Submission> sent = run.exchange().submissions();
            for (int i = 2; i < sent.size(); i++) {
                assertThat(sent.get(i).time() - sent.get(i - 2).time()).as("no second holds more than two orders")
                        .isGreaterThanOrEqualTo(1_000);
            }
        }
    }

    /** One symbol trading four times a second: ten minutes down, ten up (a buy), twenty down (a sell). */
    private static ReplayDataSet valley() {
        List<MarketEvent> events = new ArrayList<>();
        long start = 1_700_000_000_000L;
        for (int i = 0; i < 40 * 240; i++) {
            double minute = i / 240.0;
            double price = minute < 10 ? 100 - minute : minute < 20 ? 80 + minute : 120 - minute;
            events.add(new MarketEvent.Trade("BTCUSD", start + i * 250L, price, 0.5));
        }
        return new ReplayDataSet("valley", events);
    }
}
