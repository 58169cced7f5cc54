package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.journal.JournalCorruptException;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;

/** A journal whose lines are whole and sealed but do not fit together is refused as bad input, not a crash. */
class DamagedJournalTest {
    @TempDir
    Path stateDir;

    @Test
    void anOrderJournalledTwiceIsRefusedNamingTheRecordNotAnInternalError() throws Exception {
        SimulatedRun.Setup setup = Runs.setup(stateDir, SmaCrossProgram.of(3, 8), Runs.sample(3_000), RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM"), new Recorder());
        try (SimulatedRun run = SimulatedRun.open(setup)) {
            run.run(() -> false);
        }
        Path day;
        try (Stream<Path> files = Files.walk(stateDir.resolve("journal"))) {
            day = files.filter(p -> p.getFileName().toString().equals("SIM.jsonl")).sorted().toList().getFirst();
        }
        String intent = Files.readAllLines(day).stream().filter(l -> l.contains("\"type\":\"intent\"")).findFirst()
                .orElseThrow();
        Files.writeString(day, intent + "\n", StandardOpenOption.APPEND);   // as a second writer would have

        assertThatThrownBy(() -> {
            try (SimulatedRun run = SimulatedRun.open(setup)) {
                run.run(() -> false);
            }
        }).isInstanceOf(JournalCorruptException.class).hasMessageContaining("journal record")
                .hasMessageContaining("exists already").hasMessageContaining("two runs");
        assertThat(intent).contains("\"crc\"");
    }
}
