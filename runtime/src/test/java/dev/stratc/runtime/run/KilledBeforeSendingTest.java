package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.journal.JsonLines;
import dev.stratc.runtime.testing.Recorder;

/**
 * The exact moment {@link CrashTest} hits only now and then, made on purpose: a process killed after journalling
 * an order's intent and before the venue received it. Its state directory is the never-killed run's, cut right
 * after that intent (the engine's journal) and right before that order (the venue's). The restart must send the
 * order at the data position where it was decided, as the first run did; it once left an order the strategy did
 * not decide again (an exit already working in the restored books) to a later reconciliation, which found it
 * "too old to send after a restart" and dropped it.
 */
class KilledBeforeSendingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anOrderJournalledButNeverSentIsSentAfterTheRestartWhereItWasDecided() throws Exception {
        CrashChild.Scenario scenario = CrashChild.Scenario.ONE_ACCOUNT;
        Path reference = dir.resolve("reference");
        writeTag(reference);
        try (SimulatedRun run = SimulatedRun.open(CrashChild.setup(reference, scenario, new Recorder()))) {
            assertThat(run.run(() -> false)).isTrue();
        }
        List<ObjectNode> venue = venueRecords(reference);
        List<ObjectNode> intents = Journal.readAll(reference).records().stream()
                .filter(r -> r.path("type").asText().equals("intent")).toList();
        assertThat(intents).as("the scenario decides orders").hasSizeGreaterThan(10);

        // every fourth decision, entries and exits alike, spread over the data
        List<String> dropped = new ArrayList<>();
        int cuts = 0;
        for (int i = 1; i < intents.size(); i += Math.max(1, intents.size() / 12)) {
            ObjectNode intent = intents.get(i);
            String id = intent.path("id").asText(intent.path("clientOrderId").asText());
            int atVenue = indexOfOrder(venue, id);
            if (atVenue < 0) {
                continue;   // refused before it left (risk, cash): nothing was ever sent
            }
            Path crashed = dir.resolve("cut-" + i);
            copy(reference, crashed);
            cutJournal(crashed, intent.path("n").asLong());
            cutVenue(crashed, atVenue);
            Recorder restart = new Recorder();
            try (SimulatedRun run = SimulatedRun.open(CrashChild.setup(crashed, scenario, restart))) {
                assertThat(run.run(() -> false)).isTrue();
            }
            cuts++;
            List<ObjectNode> after = venueRecords(crashed);
            if (!after.equals(venue)) {
                int differs = 0;
                while (differs < Math.min(after.size(), venue.size()) && after.get(differs).equals(venue.get(differs))) {
                    differs++;
                }
                dropped.add(id + " (intent " + intent.path("n").asLong() + "): venue record " + (differs + 1)
                        + " expected " + (differs < venue.size() ? venue.get(differs) : "none") + " but was "
                        + (differs < after.size() ? after.get(differs) : "none") + "; the restart warned " + restart.warnings);
            }
        }
        assertThat(cuts).as("kills placed between an intent and its sending").isGreaterThan(5);
        assertThat(dropped).as("restarts whose venue differs from the run never killed").isEmpty();
    }

    private static int indexOfOrder(List<ObjectNode> venue, String id) {
        for (int i = 0; i < venue.size(); i++) {
            if (venue.get(i).path("type").asText().equals("order") && venue.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static List<ObjectNode> venueRecords(Path stateDir) {
        return JsonLines.read(stateDir.resolve("sim").resolve("exchange.jsonl")).records();
    }

    /** The venue's journal cut to its first {@code records} lines, as a kill before the next write leaves it. */
    private static void cutVenue(Path stateDir, int records) throws IOException {
        Path path = stateDir.resolve("sim").resolve("exchange.jsonl");
        Files.write(path, Files.readAllLines(path).subList(0, records));
    }

    /** Keeps in every journal file only the lines up to the run-wide record number {@code last}. */
    private static void cutJournal(Path stateDir, long last) throws IOException {
        try (Stream<Path> files = Files.walk(stateDir.resolve("journal"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                List<String> kept = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    if (JSON.readTree(line).path("n").asLong() <= last) {
                        kept.add(line);
                    }
                }
                if (kept.isEmpty()) {
                    Files.delete(file);
                } else {
                    Files.write(file, kept);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().endsWith(".lock")) {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void writeTag(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Files.writeString(stateDir.resolve("run-tag"), "scrash\n");
    }
}
