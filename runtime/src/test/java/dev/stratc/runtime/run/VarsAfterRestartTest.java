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
 * A strategy's vars survive a restart. Their values are not written to the journal: a restarted run feeds the
 * data before its resume point again as warm-up, with the journalled fills and orders applied at the positions
 * they were made at, so the strategy sees what it saw the first time and its vars come back to the same values.
 * Here every entry's quantity is the number of entries so far, a var: a restart that lost it would buy 0.001
 * again instead of carrying on.
 */
class VarsAfterRestartTest {
    private static final String SOURCE = """
            strategy("Counter", timeframe: 1m, warmup: 0) {
              var countdown = 5
              var entries = 0
              scan {
                countdown := countdown <= 1 ? 7 : countdown - 1
              }
              entry {
                when (countdown == 7) {
                  entries := entries + 1
                  buy(quantity: entries * 0.001)
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
    void aRestartedRunCarriesOnWithTheVarsItHad() throws Exception {
        CompileResult compiled = StratCompiler.standard().compile(SOURCE, "counter.strat");
        assertThat(compiled.diagnostics()).isEmpty();
        StrategyProgram program = compiled.program();
        RiskLimits limits = RiskLimits.none("CRYPTO");

        Recorder uninterrupted = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(once, program, Runs.sample(6_000), RunMode.PAPER, limits,
                List.of("SIM"), uninterrupted))) {
            assertThat(run.run(() -> false)).isTrue();
        }
        List<String> expected = entries(uninterrupted.sent);
        assertThat(expected).as("enough entries to stop between them").hasSizeGreaterThanOrEqualTo(4);

        Recorder first = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(twice, program, Runs.sample(6_000), RunMode.PAPER, limits,
                List.of("SIM"), first))) {
            assertThat(run.run(() -> entries(first.sent).size() >= 2)).isFalse();
        }
        Recorder second = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(twice, program, Runs.sample(6_000), RunMode.PAPER, limits,
                List.of("SIM"), second))) {
            assertThat(run.run(() -> false)).isTrue();
        }
        List<String> restarted = new ArrayList<>(entries(first.sent));
        restarted.addAll(entries(second.sent));
        assertThat(restarted).containsExactlyElementsOf(expected);
        assertThat(entries(second.sent).get(0)).as("the first entry after the restart is the third")
                .endsWith("quantity 0.003");
    }

    /** Each entry as its data position and quantity: what the vars decided. */
    private static List<String> entries(List<OrderIntent> sent) {
        return sent.stream().filter(intent -> !intent.reducing())
                .map(intent -> "seq " + intent.sequence() + " quantity " + intent.quantity()).toList();
    }
}
