package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;

/** A restart does not hand the strategy a fresh day's allowance: orders sent before it still count. */
class RestartKeepsRiskCountsTest {
    @TempDir
    Path stateDir;

    @Test
    void tradesPerDaySentBeforeARestartCountAfterIt() throws Exception {
        RiskLimits limits = new RiskLimits(0, 0, 0, 0, 0, 3, 0, false, true, Double.NaN, 0, "CRYPTO", 10);
        Recorder first = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8), Runs.sample(6_000),
                RunMode.PAPER, limits, List.of("SIM"), first))) {
            assertThat(run.run(() -> first.sent.stream().filter(i -> !i.reducing()).count() >= 2)).isFalse();
        }
        Recorder second = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, SmaCrossProgram.of(3, 8), Runs.sample(6_000),
                RunMode.PAPER, limits, List.of("SIM"), second))) {
            assertThat(run.run(() -> false)).isTrue();
        }
        long entries = first.sent.stream().filter(i -> !i.reducing()).count()
                + second.sent.stream().filter(i -> !i.reducing()).count();
        assertThat(entries).as("entries sent on the day over both processes").isEqualTo(3);
        assertThat(second.refusals).extracting(Refusal::code).contains(Refusal.Code.TRADES_PER_DAY);
    }
}
