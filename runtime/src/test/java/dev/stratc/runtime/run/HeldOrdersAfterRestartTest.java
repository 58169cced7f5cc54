package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.strategy.StrategyProgram;

/**
 * Orders the run holds itself (here limit orders given an expire:, on Bitstamp trades: each trade is applied to
 * them) survive a restart: the held book is not journalled, the warm-up replay places the same decisions again and
 * applies the same trades to them, so a run stopped while a bid rests sends it where an uninterrupted run does.
 */
class HeldOrdersAfterRestartTest {
    private static final String SOURCE = """
            strategy("RestingBid", timeframe: 1m, warmup: 5) {
              scan {
                when (close < close[1] AND close[1] < close[2]) {
                  signal("BID", { at: close })
                }
              }
              entry {
                on signal("BID") {
                  buy(quantity: 0.01, type: "limit", price: signal.at * 0.999, expire: 8, tag: "bid")
                }
              }
              exit {
                when (bars_since_entry >= 2) {
                  sell("all")
                }
              }
            }
            """;

    @TempDir
    Path once;
    @TempDir
    Path twice;

    @Test
    void aRestartedRunSendsTheOrderItHeldWhereTheFirstWouldHave() throws Exception {
        CompileResult compiled = StratCompiler.standard().compile(SOURCE, "bid.strat");
        assertThat(compiled.diagnostics()).isEmpty();
        StrategyProgram program = compiled.program();
        RiskLimits limits = RiskLimits.none("CRYPTO");

        Recorder uninterrupted = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(once, program, Runs.sample(6_000), RunMode.PAPER, limits,
                List.of("SIM"), uninterrupted))) {
            assertThat(run.run(() -> false)).isTrue();
        }
        List<String> expected = orders(uninterrupted.sent);
        assertThat(expected).as("bids that filled").anyMatch(order -> order.startsWith("BUY"));

        // stopped right after the last bid placed before the second fill of a bid, so that it fills after the restart
        OrderIntent bidFilled = uninterrupted.sent.stream().filter(intent -> !intent.reducing()).skip(1).findFirst()
                .orElseThrow();
        int placed = (int) uninterrupted.signals.stream().filter(s -> s.time() < bidFilled.time()).count();
        Recorder first = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(twice, program, Runs.sample(6_000), RunMode.PAPER, limits,
                List.of("SIM"), first))) {
            assertThat(run.run(() -> first.signals.size() >= placed)).isFalse();
        }
        Recorder second = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(twice, program, Runs.sample(6_000), RunMode.PAPER, limits,
                List.of("SIM"), second))) {
            assertThat(run.run(() -> false)).isTrue();
        }
        assertThat(orders(second.sent)).as("the held bid is sent after the restart")
                .contains(orders(List.of(bidFilled)).getFirst());
        List<String> restarted = new ArrayList<>(orders(first.sent));
        restarted.addAll(orders(second.sent));
        assertThat(restarted).containsExactlyElementsOf(expected);
    }

    /** Each order as its side, data position, quantity and the price the held order's rule gave. */
    private static List<String> orders(List<OrderIntent> sent) {
        return sent.stream().map(intent -> intent.side() + " seq " + intent.sequence() + " quantity "
                + intent.quantity() + " at " + intent.touchedPrice()).toList();
    }
}
