package dev.stratc.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Group commit: records appended while the journal is held reach the file together when it is released or when
 * an order is about to leave ({@link Journal#sync()}), and what is on the disk at any moment is a prefix of the
 * records in the order of their numbers, so a crash leaves what recovery already knows how to read.
 */
class GroupCommitTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final long DAY = 86_400_000L;
    private static final long START = 1_764_547_200_000L;   // 2025-12-01T00:00Z

    @TempDir
    Path stateDir;

    private Path file(int day, String account) {
        return stateDir.resolve("journal").resolve(java.time.LocalDate.of(2025, 12, 1).plusDays(day).toString())
                .resolve(account + ".jsonl");
    }

    private static List<Integer> numbers(Path file) {
        return JsonLines.read(file).records().stream().filter(r -> !r.path("type").asText().equals("chain"))
                .map(r -> r.path("n").asInt()).toList();
    }

    @Test
    void heldRecordsAreWrittenOnReleaseAndBeforeAnOrderLeaves() throws Exception {
        try (Journal journal = Journal.openWithoutDiskSync(stateDir, UTC, 0)) {
            journal.append("A", START, JsonLines.record("cash").put("amount", 100));
            assertThat(numbers(file(0, "A"))).as("outside a hold every record is written at once").containsExactly(1);

            journal.hold();
            journal.append("A", START + 1_000, JsonLines.record("intent").put("id", "o1"));
            journal.append("A", START + 1_000, JsonLines.record("intent").put("id", "o2"));
            assertThat(numbers(file(0, "A"))).as("held").containsExactly(1);
            journal.sync();   // what the engine calls before an order leaves
            assertThat(numbers(file(0, "A"))).as("nothing unwritten when the order leaves").containsExactly(1, 2, 3);

            journal.append("A", START + 1_000, JsonLines.record("submitted").put("id", "o1"));
            journal.append(Journal.RUN, START + 1_000, JsonLines.record("checkpoint").put("seq", 7));
            assertThat(numbers(file(0, Journal.RUN))).as("a new file begins with its chain line alone").isEmpty();
            journal.release();
            assertThat(numbers(file(0, "A"))).containsExactly(1, 2, 3, 4);
            assertThat(numbers(file(0, Journal.RUN))).containsExactly(5);
        }
        Journal.Replay replay = Journal.recover(stateDir);
        assertThat(replay.records()).extracting(r -> r.path("n").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(replay.repairs()).isEmpty();
    }

    @Test
    void nestedHoldsWriteOnTheOutermostReleaseAndCloseWritesWhatIsHeld() throws Exception {
        Journal journal = Journal.openWithoutDiskSync(stateDir, UTC, 0);
        journal.hold();
        journal.hold();
        journal.append("A", START, JsonLines.record("fill").put("i", 1));
        journal.release();
        assertThat(Files.exists(file(0, "A")) ? numbers(file(0, "A")) : List.of()).isEmpty();
        journal.release();
        assertThat(numbers(file(0, "A"))).containsExactly(1);
        journal.hold();
        journal.append("A", START, JsonLines.record("fill").put("i", 2));
        journal.close();
        assertThat(numbers(file(0, "A"))).as("closing loses nothing held").containsExactly(1, 2);
    }

    @Test
    void aNewDayFileDuringAHoldChainsToALineThatIsAlreadyWritten() throws Exception {
        try (Journal journal = Journal.openWithoutDiskSync(stateDir, UTC, 0)) {
            journal.hold();
            journal.append("A", START + 1_000, JsonLines.record("fill").put("i", 1));
            journal.append("A", START + DAY + 1_000, JsonLines.record("fill").put("i", 2));
            // the day-two file exists with its chain line: the day-one line it names must be on the disk already
            assertThat(numbers(file(0, "A"))).containsExactly(1);
            ObjectNode chain = JsonLines.read(file(1, "A")).records().getFirst();
            assertThat(chain.path("prevN").asLong()).isEqualTo(1);
            assertThat(chain.path("prevCrc").asText()).isEqualTo(JsonLines.read(file(0, "A")).lastCrc());
            journal.release();
        }
        assertThat(Journal.recover(stateDir).records()).extracting(r -> r.path("n").asInt()).containsExactly(1, 2);
    }

    @Test
    void withoutGroupCommitEveryRecordIsWrittenAtOnceEvenUnderAHold() throws Exception {
        try (Journal journal = Journal.openWithoutDiskSync(stateDir, UTC, 0).withoutGroupCommit()) {
            journal.hold();
            journal.append("A", START, JsonLines.record("fill").put("i", 1));
            assertThat(numbers(file(0, "A"))).containsExactly(1);
            journal.release();
        }
    }
}
