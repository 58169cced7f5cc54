package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderState;
import dev.stratc.runtime.testing.Recorder;

/**
 * Kills a paper run with SIGKILL at random moments, many times, restarting it each time, then lets it finish:
 * no decided order is lost, none reaches the exchange twice, and the run's positions equal the exchange's.
 *
 * <p>The simulated exchange keeps its own journal under the state directory, standing in for a venue that
 * lives outside the killed process: orders that reached it before the kill are there after the restart,
 * whether or not the runtime saw the answer.
 */
class CrashTest {
    private static final int EVENTS = 12_000;
    private static final int KILLS = 12;

    @TempDir
    Path stateDir;

    @Test
    void killedAtRandomPointsAndRestartedNoOrderIsLostOrDoubledAndPositionsMatchTheExchange() throws Exception {
        Random random = new Random(20261123);
        int interrupted = 0;
        int slice = EVENTS / (KILLS + 1);
        for (int i = 0; i < KILLS; i++) {
            // a random point of the data, later for each restart, so the run makes progress between kills
            int killAt = slice * i + 1 + random.nextInt(slice);
            Process child = start(killAt);
            if (awaitAnnouncement(child)) {
                child.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no flush, no close
                child.waitFor();
                interrupted++;
            }
        }
        Process last = start(-1);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("the last run finishes").isTrue();
        String output = new String(last.getInputStream().readAllBytes());
        assertThat(last.exitValue()).as(output + new String(last.getErrorStream().readAllBytes())).isZero();
        assertThat(output).contains("finished");
        assertThat(interrupted).as("runs actually killed mid-way").isGreaterThanOrEqualTo(KILLS / 2);

        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(CrashChild.setup(stateDir, EVENTS))) {
            // the exchange never saw a client order id twice
            assertThat(run.exchange().duplicateSubmissions()).isZero();

            List<ObjectNode> journal = Journal.readAll(stateDir).records();
            Map<String, Integer> intents = new HashMap<>();
            for (ObjectNode record : journal) {
                if (record.path("type").asText().equals("intent")) {
                    intents.merge(record.path("id").asText(), 1, Integer::sum);
                }
            }
            assertThat(intents).as("each decision journalled once").allSatisfy((id, count) -> assertThat(count).isOne());
            assertThat(intents).hasSizeGreaterThan(20);
            long resent = journal.stream().filter(r -> r.path("type").asText().equals("resend")).count();
            long reconciledFills = journal.stream()
                    .filter(r -> r.path("tradeId").asText().startsWith("reconciled")).count();
            System.out.printf("crash test: %d of %d runs killed mid-way, %d decisions, %d resent after a restart,"
                    + " %d fills learnt from the exchange at reconciliation%n", interrupted, KILLS, intents.size(),
                    resent, reconciledFills);

            // every journalled order reached the exchange, or was explicitly dropped and reported
            List<String> lost = new ArrayList<>();
            for (ManagedOrder order : run.engine().orders().all()) {
                boolean atExchange = CrashChild.ACCOUNTS.stream()
                        .anyMatch(a -> run.exchange().broker(a).order(order.clientOrderId()).isPresent());
                if (!atExchange && order.state() != OrderState.REJECTED) {
                    lost.add(order.clientOrderId() + " " + order.state());
                }
            }
            assertThat(lost).isEmpty();

            // the exchange holds no order the run does not know
            for (String account : CrashChild.ACCOUNTS) {
                for (OrderReport report : run.exchange().orders(account)) {
                    assertThat(intents).containsKey(report.clientOrderId());
                }
            }

            run.engine().reconcile();
            for (String account : CrashChild.ACCOUNTS) {
                Map<String, Double> theirs = run.exchange().broker(account).positions().stream()
                        .collect(Collectors.toMap(BrokerPosition::symbol, BrokerPosition::quantity));
                Map<String, Double> ours = run.engine().portfolio().openPositions(account).stream()
                        .collect(Collectors.toMap(p -> p.symbol(), p -> p.quantity()));
                assertThat(ours).as(account).isEqualTo(theirs);
                for (OrderReport report : run.exchange().orders(account)) {
                    ManagedOrder ourOrder = run.engine().orders().get(report.clientOrderId());
                    assertThat(ourOrder.filledQuantity()).as(report.clientOrderId())
                            .isCloseTo(report.filledQuantity(), within(1e-9));
                    if (report.status() == OrderStatus.FILLED) {
                        assertThat(ourOrder.state()).isEqualTo(OrderState.FILLED);
                    }
                }
            }
        }
        assertThat(recorder.warnings).isEmpty();
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

    private Process start(int killAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), stateDir.toString(),
                String.valueOf(EVENTS), String.valueOf(killAt));
        builder.redirectErrorStream(false);
        Files.createDirectories(stateDir);
        builder.redirectError(stateDir.resolve("child-stderr.log").toFile());
        return builder.start();
    }

}
