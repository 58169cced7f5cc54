package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.bus.kafka.KafkaBusConfig;
import dev.stratc.bus.kafka.KafkaPublisher;
import dev.stratc.bus.kafka.LocalKafka;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.journal.JsonLines;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;

/**
 * {@link CrashTest} on the bus: a paper run reading its market data from a real Kafka broker is killed with
 * SIGKILL several times near its decisions, started again on its state directory each time, and must end with
 * exactly what reached the venue in a run of the same data that was never killed: every order (by client order
 * id, the data position it arrived at), every fill, the final equity. Nothing lost, nothing doubled.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BusCrashTest {
    private static final String TAG = "bcrash";
    private static final int KILLS = 5;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aBusRunKilledAndRestartedEndsAsOneNeverKilled() throws Exception {
        Path reference = dir.resolve("reference");
        Path crashed = dir.resolve("crashed");
        ReplayDataSet data = Runs.sample(CrashChild.Scenario.ONE_ACCOUNT.events);
        Map<String, Double> referenceEquity = new LinkedHashMap<>();
        writeTag(reference);
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(BusCrashChild.setup(reference, data, recorder))) {
            assertThat(run.run(() -> false)).isTrue();
            for (String account : CrashChild.Scenario.ONE_ACCOUNT.accounts) {
                referenceEquity.put(account, run.engine().portfolio().equity(account));
            }
        }
        Venue expected = Venue.read(reference);
        assertThat(expected.orders).as("the scenario trades").hasSizeGreaterThan(KILLS * 2);

        try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), 0)) {
            String address = kafka.address() + "?market=crash&partitions=3";
            try (KafkaPublisher publisher = new KafkaPublisher(KafkaBusConfig.parse(URI.create(address)), "replay")) {
                List<MarketEvent> events = data.events();
                for (int i = 0; i < events.size(); i++) {
                    publisher.publish(events.get(i), i);
                }
                publisher.flush();
            }
            writeTag(crashed);
            int killed = 0;
            for (long killAt : killPoints(reference)) {
                Process child = start(crashed, address, killAt);
                if (awaitAnnouncement(child)) {
                    child.destroyForcibly();   // SIGKILL: no shutdown hook, no flush, no commit, no leaving the group
                    killed++;
                }
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            Process last = start(crashed, address, -1);
            String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("the last run finishes").isTrue();
            assertThat(last.exitValue()).as(output + Files.readString(crashed.resolve("child-stderr.log"))).isZero();
            assertThat(output).contains("finished");
            assertThat(killed).as("runs killed before the end of the data").isEqualTo(KILLS);

            Venue actual = Venue.read(crashed);
            assertThat(actual.duplicates).as("client order ids the venue saw twice").isZero();
            assertThat(actual.orders.keySet()).as("no order lost, none added").containsExactlyElementsOf(
                    expected.orders.keySet());
            assertThat(actual.orders).as("each order as the run never killed sent it").isEqualTo(expected.orders);
            assertThat(actual.fills).as("the venue's fills").isEqualTo(expected.fills);
            for (String account : CrashChild.Scenario.ONE_ACCOUNT.accounts) {
                double equity = Double.parseDouble(output.lines().filter(l -> l.startsWith("equity " + account + " "))
                        .findFirst().orElseThrow().substring(("equity " + account + " ").length()));
                assertThat(equity).as("final equity of " + account).isCloseTo(referenceEquity.get(account),
                        within(1e-6));
            }
        }
    }

    private static void writeTag(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Files.writeString(stateDir.resolve("run-tag"), TAG + "\n");
    }

    /** {@link #KILLS} rising data positions, each at one of the reference run's decisions, spread over the run. */
    private static List<Long> killPoints(Path reference) {
        TreeSet<Long> moments = new TreeSet<>();
        for (ObjectNode record : Journal.readAll(reference).records()) {
            if (record.path("type").asText().equals("intent")) {
                moments.add(record.path("seq").asLong());
            }
        }
        List<Long> all = new ArrayList<>(moments);
        List<Long> points = new ArrayList<>();
        for (int i = 1; i <= KILLS; i++) {
            points.add(all.get(all.size() * i / (KILLS + 1)));
        }
        return points;
    }

    /** What the venue's journal says it took and did. */
    private record Venue(Map<String, ObjectNode> orders, List<ObjectNode> fills, long duplicates) {
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
                        // cancels: none in this scenario
                    }
                }
            }
            return new Venue(orders, fills, duplicates);
        }
    }

    /** Whether the child reached its kill point; false when it ended first. */
    private static boolean awaitAnnouncement(Process child) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> reached = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("reached ")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return reached.get(120, TimeUnit.SECONDS);
    }

    private static Process start(Path stateDir, String address, long killAt) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), BusCrashChild.class.getName(),
                stateDir.toString(), address, String.valueOf(killAt));
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stateDir.resolve("child-stderr.log").toFile()));
        return builder.start();
    }
}
