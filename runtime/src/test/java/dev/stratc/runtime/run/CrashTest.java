package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.journal.JsonLines;
import dev.stratc.runtime.testing.ChildProcess;
import dev.stratc.runtime.testing.Recorder;

/**
 * Kills paper runs with SIGKILL many times, restarting each time, then lets them finish, and compares what
 * reached the venue with a run of the same scenario that was never killed: every order (account, symbol, side,
 * type, quantity, limit, the data position it arrived at), every fill (trade, quantity, price, commission) and
 * each account's final equity must be the same. A lost order, a doubled one or one that went to another account
 * or for another quantity fails the test.
 *
 * <p>Kill points are positions of the data near the reference run's decisions and fills (where a crash hurts),
 * one later than the other, so each restart makes progress; the child announces each position it reaches and is
 * killed right then, landing at whatever it is doing a moment later. The simulated exchange keeps its own
 * journal under the state directory, standing in for a venue that lives outside the killed process.
 */
class CrashTest {
    private static final String TAG = "scrash";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aKilledOneAccountRunWithMarketOrdersEndsAsOneNeverKilled() throws Exception {
        trial(CrashChild.Scenario.ONE_ACCOUNT, 22, 20261203L);
    }

    @Test
    void aKilledTwoAccountPoolRoutingLimitOrdersEndsAsOneNeverKilled() throws Exception {
        trial(CrashChild.Scenario.POOL, 30, 20261204L);
    }

    private void trial(CrashChild.Scenario scenario, int kills, long seed) throws Exception {
        Path reference = dir.resolve("reference");
        Path crashed = dir.resolve("crashed");
        Map<String, Double> referenceEquity = new LinkedHashMap<>();
        Recorder recorder = new Recorder();
        writeTag(reference);
        try (SimulatedRun run = SimulatedRun.open(CrashChild.setup(reference, scenario, recorder))) {
            assertThat(run.run(() -> false)).isTrue();
            for (String account : scenario.accounts) {
                referenceEquity.put(account, run.engine().portfolio().equity(account));
            }
        }
        assertThat(recorder.warnings).isEmpty();
        Venue expected = Venue.read(reference);
        assertThat(expected.orders).as("the scenario trades").hasSizeGreaterThan(kills);
        if (scenario.accounts.size() > 1) {
            assertThat(expected.orders.values()).extracting(o -> o.path("account").asText())
                    .as("routing uses every account").containsAll(scenario.accounts);
            assertThat(expected.orders.values()).extracting(o -> o.path("orderType").asText()).contains("LIMIT", "MARKET");
        }

        writeTag(crashed);
        long started = System.nanoTime();
        int killed = 0;
        List<ObjectNode> venueRecords = Venue.records(reference);
        for (int killAt : killPoints(reference, kills, new Random(seed))) {
            Process child = start(crashed, scenario, killAt);
            if (awaitAnnouncement(child)) {
                child.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no flush, no close
                killed++;
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // the venue's journal so far must be the beginning of the reference's, record for record
            List<ObjectNode> sofar = Venue.records(crashed);
            for (int i = 0; i < sofar.size(); i++) {
                assertThat(sofar.get(i)).as("venue record %d after kill %d (at data position %d)", i + 1, killed,
                        killAt).isEqualTo(i < venueRecords.size() ? venueRecords.get(i) : null);
            }
        }
        Process last = start(crashed, scenario, -1);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("the last run finishes").isTrue();
        String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(last.exitValue()).as(output + Files.readString(crashed.resolve("child-stderr.log"))).isZero();
        assertThat(output).contains("finished");

        Venue actual = Venue.read(crashed);
        List<String> lost = new ArrayList<>();
        List<String> diverging = new ArrayList<>();
        expected.orders.forEach((id, order) -> {
            ObjectNode theirs = actual.orders.get(id);
            if (theirs == null) {
                lost.add(id);
            } else if (!theirs.equals(order)) {
                diverging.add("expected " + order + " but the venue took " + theirs);
            }
        });
        actual.orders.forEach((id, order) -> {
            if (!expected.orders.containsKey(id)) {
                diverging.add("not in the run never killed: " + order);
            }
        });
        int fillsDiverging = 0;
        for (int i = 0; i < Math.max(expected.fills.size(), actual.fills.size()); i++) {
            if (i >= expected.fills.size() || i >= actual.fills.size()
                    || !expected.fills.get(i).equals(actual.fills.get(i))) {
                fillsDiverging++;
            }
        }
        System.out.printf("crash test %s: %d kills (%d mid-run) in %.0f s, %d orders, %d fills: %d lost, %d doubled,"
                        + " %d diverging orders, %d diverging fills%n", scenario, kills, killed,
                (System.nanoTime() - started) / 1e9, expected.orders.size(), expected.fills.size(), lost.size(),
                actual.duplicates, diverging.size(), fillsDiverging);

        assertThat(killed).as("runs actually killed mid-way").isGreaterThanOrEqualTo(kills * 3 / 4);
        assertThat(lost).as("orders lost").isEmpty();
        assertThat(actual.duplicates).as("client order ids the venue saw twice").isZero();
        assertThat(diverging).as("orders that differ from the run never killed").isEmpty();
        assertThat(actual.fills).as("the venue's fills").isEqualTo(expected.fills);
        assertThat(bookedFills(crashed)).as("each fill booked once by the run").isEqualTo(bookedFills(reference));
        for (String account : scenario.accounts) {
            double equity = Double.parseDouble(output.lines().filter(l -> l.startsWith("equity " + account + " "))
                    .findFirst().orElseThrow().substring(("equity " + account + " ").length()));
            assertThat(equity).as("final equity of " + account).isCloseTo(referenceEquity.get(account), within(1e-6));
        }
    }

    private static void writeTag(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Files.writeString(stateDir.resolve("run-tag"), TAG + "\n");
    }

    /**
     * {@code kills} increasing data positions, each near one of the reference run's decisions or fills (within two
     * events after it), spread over the whole data set.
     */
    private static List<Integer> killPoints(Path reference, int kills, Random random) {
        TreeSet<Integer> moments = new TreeSet<>();
        for (ObjectNode record : Journal.readAll(reference).records()) {
            String type = record.path("type").asText();
            if (type.equals("intent") || type.equals("event")) {
                moments.add((int) record.path("seq").asLong());
            }
        }
        List<Integer> all = new ArrayList<>(moments);
        List<Integer> points = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < kills; i++) {
            List<Integer> slice = all.subList(all.size() * i / kills, all.size() * (i + 1) / kills);
            int point = slice.get(random.nextInt(slice.size())) + random.nextInt(3);
            // +1: the child counts events from 1; a point must lie after the previous one to make progress
            point = Math.max(point + 1, previous + 1);
            points.add(point);
            previous = point;
        }
        return points;
    }

    /** Each fill the run booked: account and the venue's trade id. */
    private static List<String> bookedFills(Path stateDir) {
        return Journal.readAll(stateDir).records().stream()
                .filter(r -> r.path("type").asText().equals("event") && r.path("kind").asText().equals("Fill"))
                .map(r -> r.path("account").asText() + "/" + r.path("tradeId").asText() + "/"
                        + r.path("quantity").asDouble() + "@" + r.path("price").asDouble())
                .toList();
    }

    /** What the venue's journal says it took and did. */
    private record Venue(Map<String, ObjectNode> orders, List<ObjectNode> fills, long duplicates) {
        static List<ObjectNode> records(Path stateDir) {
            return JsonLines.read(stateDir.resolve("sim").resolve("exchange.jsonl")).records();
        }

        static Venue read(Path stateDir) {
            Map<String, ObjectNode> orders = new LinkedHashMap<>();
            List<ObjectNode> fills = new ArrayList<>();
            long duplicates = 0;
            for (ObjectNode record : JsonLines.read(stateDir.resolve("sim").resolve("exchange.jsonl")).records()) {
                switch (record.path("type").asText()) {
                    case "order" -> orders.put(record.path("id").asText(), record);
                    case "fills" -> record.path("fills").forEach(f -> {
                        ObjectNode fill = ((ObjectNode) f).deepCopy();
                        fill.put("seq", record.path("seq").asLong());
                        fills.add(fill);
                    });
                    case "duplicate" -> duplicates++;
                    default -> {
                        // cancels and replaces: none in these scenarios
                    }
                }
            }
            return new Venue(orders, fills, duplicates);
        }
    }

    /** Whether the child reached its kill point; false when it ended first. */
    private static boolean awaitAnnouncement(Process child) throws Exception {
        return ChildProcess.awaitLine(child, "reached ", Duration.ofSeconds(120));
    }

    private static Process start(Path stateDir, CrashChild.Scenario scenario, int killAt) throws Exception {
        return ChildProcess.start(CrashChild.class, stateDir.resolve("child-stderr.log"), Map.of(), stateDir.toString(),
                scenario.name(), String.valueOf(killAt));
    }
}
