package dev.stratc.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The day files of a run's journal: chained, so a missing or swapped day is named when the run starts. */
class JournalTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final long DAY = 86_400_000L;
    private static final long START = 1_764_547_200_000L;   // 2025-12-01T00:00Z

    @TempDir
    Path stateDir;

    /** Three days of records for account A and the run, written by two processes (a restart on day two). */
    private void writeThreeDays() {
        try (Journal journal = Journal.openWithoutDiskSync(stateDir, UTC, 0)) {
            journal.append("A", START + 1_000, JsonLines.record("cash").put("amount", 100));
            journal.append(Journal.RUN, START + 2_000, JsonLines.record("checkpoint").put("seq", 1));
            journal.append("A", START + DAY + 1_000, JsonLines.record("fill").put("i", 1));
        }
        long last = Journal.readAll(stateDir).lastNumber();
        try (Journal journal = Journal.openWithoutDiskSync(stateDir, UTC, last)) {
            journal.append("A", START + DAY + 5_000, JsonLines.record("fill").put("i", 2));
            journal.append("A", START + 2 * DAY + 1_000, JsonLines.record("fill").put("i", 3));
            journal.append(Journal.RUN, START + 2 * DAY + 2_000, JsonLines.record("checkpoint").put("seq", 9));
        }
    }

    private Path day(int offset, String account) {
        return stateDir.resolve("journal").resolve(java.time.LocalDate.of(2025, 12, 1).plusDays(offset).toString())
                .resolve(account + ".jsonl");
    }

    @Test
    void eachDayFileBeginsWithTheNumberAndChecksumOfTheAccountsPreviousDayAndReadsBackInOrder() throws Exception {
        writeThreeDays();
        Journal.Replay replay = Journal.recover(stateDir);
        assertThat(replay.records()).extracting(r -> r.path("n").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(replay.records()).noneMatch(r -> r.path("type").asText().equals("chain"));
        assertThat(replay.repairs()).isEmpty();

        List<ObjectNode> secondDay = JsonLines.read(day(1, "A")).records();
        ObjectNode chain = secondDay.getFirst();
        assertThat(chain.path("type").asText()).isEqualTo("chain");
        assertThat(chain.path("prevFile").asText()).isEqualTo("2025-12-01/A.jsonl");
        assertThat(chain.path("prevN").asLong()).isEqualTo(1);
        assertThat(chain.path("prevCrc").asText()).isEqualTo(JsonLines.read(day(0, "A")).lastCrc());
        assertThat(JsonLines.read(day(0, "A")).records().getFirst().path("prevN").asLong()).isZero();
        assertThat(JsonLines.read(day(2, "A")).records().getFirst().path("prevN").asLong())
                .as("the restart chained day three to the records it wrote on day two").isEqualTo(4);
    }

    @Test
    void aDeletedDayFileIsNamedAtStart() throws Exception {
        writeThreeDays();
        Files.delete(day(1, "A"));
        assertThatThrownBy(() -> Journal.recover(stateDir)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("2025-12-03" + java.io.File.separator + "A.jsonl:1:")
                .hasMessageContaining("2025-12-02/A.jsonl")
                .hasMessageContaining("missing");
    }

    @Test
    void aDeletedFirstDayIsNamedAtStart() throws Exception {
        writeThreeDays();
        Files.delete(day(0, "A"));
        assertThatThrownBy(() -> Journal.readAll(stateDir)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("2025-12-01/A.jsonl").hasMessageContaining("deleted or moved");
    }

    @Test
    void swappedDayFilesAreNamedAtStart() throws Exception {
        writeThreeDays();
        Path one = day(0, "A");
        Path two = day(1, "A");
        Path aside = stateDir.resolve("aside.jsonl");
        Files.move(one, aside);
        Files.move(two, one);
        Files.move(aside, two);
        assertThatThrownBy(() -> Journal.recover(stateDir)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("A.jsonl:1:");
    }

    @Test
    void aTornTailInADayFileIsMovedAsideOnceAndTheNextDayStillChains() throws Exception {
        writeThreeDays();
        Files.writeString(day(1, "A"), "{\"n\":99,\"ty", StandardOpenOption.APPEND);
        Journal.Replay first = Journal.recover(stateDir);
        assertThat(first.repairs()).singleElement().satisfies(r -> assertThat(r.file()).isEqualTo(day(1, "A")));
        assertThat(first.records()).hasSize(6);
        assertThat(Journal.recover(stateDir).repairs()).isEmpty();
    }

    @Test
    void aJournalWrittenBeforeDayFilesWereChainedStillReads() throws Exception {
        Path file = day(0, "A");
        try (JsonLines lines = JsonLines.open(file)) {
            ObjectNode record = JsonLines.record("cash").put("amount", 100);
            record.put("n", 1).put("account", "A").put("seq", -1);
            lines.append(record);
        }
        try (JsonLines lines = JsonLines.open(day(1, "A"))) {
            lines.append(JsonLines.record("fill").put("n", 2).put("account", "A"));
        }
        assertThat(Journal.recover(stateDir).records()).hasSize(2);
        try (Journal journal = Journal.openWithoutDiskSync(stateDir, UTC, 2)) {
            journal.append("A", START + 2 * DAY, JsonLines.record("fill").put("i", 3));
        }
        assertThat(Journal.recover(stateDir).records()).hasSize(3);
    }
}
