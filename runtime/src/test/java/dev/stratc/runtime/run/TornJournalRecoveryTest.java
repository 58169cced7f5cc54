package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.journal.JsonLines;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;

/** A run whose journals end in torn lines (power loss, full disk) says so once, moves them aside and goes on. */
class TornJournalRecoveryTest {
    @TempDir
    Path stateDir;

    private SimulatedRun.Setup setup(ReplayDataSet data, Recorder recorder) {
        return Runs.setup(stateDir, SmaCrossProgram.of(3, 8), data, RunMode.PAPER, RiskLimits.none("CRYPTO"),
                List.of("SIM"), recorder);
    }

    @Test
    void tornTailsInTheEngineAndVenueJournalsAreMovedAsideReportedOnceAndNeverWrittenOnto() throws Exception {
        try (SimulatedRun run = SimulatedRun.open(setup(Runs.sample(3_000), new Recorder()))) {
            run.run(() -> false);
        }
        Path venue = stateDir.resolve("sim").resolve("exchange.jsonl");
        Path day;
        try (Stream<Path> files = Files.walk(stateDir.resolve("journal"))) {
            day = files.filter(p -> p.getFileName().toString().equals("SIM.jsonl")).sorted().toList().getLast();
        }
        Files.writeString(day, "{\"n\":999,\"time\":1,\"account\":\"SIM\",\"type\":\"ev", StandardOpenOption.APPEND);
        Files.writeString(venue, "{\"type\":\"fill\",\"seq\":2999,\"acc", StandardOpenOption.APPEND);

        Recorder restarted = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(setup(Runs.sample(6_000), restarted))) {
            assertThat(restarted.warnings).hasSize(2);
            assertThat(restarted.warnings).anySatisfy(w -> assertThat(w).contains(day.toString())
                    .contains("SIM.jsonl.torn-1"));
            assertThat(restarted.warnings).anySatisfy(w -> assertThat(w).contains(venue.toString())
                    .contains("exchange.jsonl.torn-1"));
            assertThat(run.run(() -> false)).isTrue();
            assertThat(restarted.sent).as("the run went on trading").isNotEmpty();
        }
        assertThat(day.resolveSibling("SIM.jsonl.torn-1")).hasContent(
                "{\"n\":999,\"time\":1,\"account\":\"SIM\",\"type\":\"ev");
        assertThat(JsonLines.read(day).tornTail()).isFalse();
        assertThat(JsonLines.read(venue).tornTail()).isFalse();

        Recorder third = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(setup(Runs.sample(6_000), third))) {
            assertThat(third.warnings).as("said once").isEmpty();
        }
        assertThat(Journal.readAll(stateDir).repairs()).isEmpty();
    }
}
