package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.brokers.kis.mock.MockKis;
import dev.stratc.brokers.kis.mock.MockPaperAccount;
import dev.stratc.cli.Main;

/**
 * Ctrl-C on {@code stratc run} as a user presses it: a real child process sent SIGINT ({@code kill -INT}). It
 * stops within 5 s with "stopping…", the session summary and exit status 130, whatever it is waiting on.
 */
class RunCtrlCTest {
    private static final long DEADLINE_MILLIS = 5_000;

    @TempDir
    Path dir;

    /** A child process and what it printed so far. */
    private record Child(Process process, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        String stdout() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        String stderr() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private Child start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Child child = new Child(process, new ByteArrayOutputStream(), new ByteArrayOutputStream());
        copy(process.getInputStream(), child.out());
        copy(process.getErrorStream(), child.err());
        return child;
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = from.read(buffer)) > 0; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    private static void awaitOutput(Child child, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!child.stdout().contains(text)) {
            assertThat(child.process().isAlive()).as("still running; stdout %s stderr %s", child.stdout(),
                    child.stderr()).isTrue();
            assertThat(System.nanoTime()).as("waiting for '%s' in %s", text, child.stdout()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Sends SIGINT as a terminal's Ctrl-C does; returns how long the process took to end. */
    private static long interrupt(Child child) throws Exception {
        long sent = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.process().pid())).start();
        assertThat(kill.waitFor()).isZero();
        boolean ended = child.process().waitFor(DEADLINE_MILLIS + 5_000, TimeUnit.MILLISECONDS);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        if (!ended) {
            child.process().destroyForcibly();
        }
        assertThat(ended).as("ended; stdout %s stderr %s", child.stdout(), child.stderr()).isTrue();
        return took;
    }

    @Test
    void ctrlCStopsASimulatedRunWithTheSummaryAndStatus130() throws Exception {
        Child child = start(Map.of(), "run", "../examples/momentum.strat", "--mode", "paper", "--speed", "1",
                "--data", "synth:krx?symbols=3&days=1&seed=1", "--state-dir", dir.resolve("state").toString(),
                "--status-every", "0");
        awaitOutput(child, "on the simulated exchange");
        Thread.sleep(500);

        long took = interrupt(child);

        assertThat(took).as("stopped within 5 s").isLessThan(DEADLINE_MILLIS);
        assertThat(child.process().exitValue()).isEqualTo(CtrlC.EXIT_STATUS);
        assertThat(child.stderr()).contains("stopping…").doesNotContain("Exception").doesNotContain("internal error");
        assertThat(child.stdout()).contains("session summary");
    }

    @Test
    void ctrlCStopsABrokerRunWaitingForItsOnceAMinuteKisToken() throws Exception {
        try (MockKis kis = new MockKis()) {
            MockPaperAccount.open(kis, 10_000_000);
            kis.addSymbol("005930", "삼성전자", 70_000);
            // another program took this minute's token: the run must wait about a minute for its own
            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(kis.restUrl() + "/oauth2/tokenP"))
                    .header("content-type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\",\"appkey\":\""
                            + MockPaperAccount.APP_KEY + "\",\"appsecret\":\"" + MockPaperAccount.APP_SECRET + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            Path accounts = MockPaperAccount.writeAccountsFile(dir.resolve("accounts.yaml"), kis);
            Path risk = Files.writeString(dir.resolve("risk.yaml"), "calendar: CRYPTO\n");
            Path strategy = Files.writeString(dir.resolve("hold.strat"), """
                    strategy("Hold", timeframe: 1m) {
                      entry {
                        when (close > 1000000000) {
                          buy(quantity: 1)
                        }
                      }
                    }
                    """);

            Child child = start(MockPaperAccount.environment(), "run", strategy.toString(), "--mode", "paper",
                    "--accounts", accounts.toString(), "--risk", risk.toString(), "--symbols", "005930",
                    "--state-dir", dir.resolve("broker-state").toString(), "--status-every", "0");
            awaitOutput(child, "on 1 account(s)");
            Thread.sleep(2_000);   // signing in: the token is refused (EGW00133) and the adapter waits
            assertThat(child.process().isAlive()).isTrue();
            assertThat(kis.tokensIssued(MockPaperAccount.APP_KEY)).as("the run has no token yet: it waits").isEqualTo(1);

            long took = interrupt(child);

            assertThat(took).as("stopped within 5 s, not after the minute").isLessThan(DEADLINE_MILLIS);
            assertThat(child.process().exitValue()).isEqualTo(CtrlC.EXIT_STATUS);
            assertThat(child.stderr()).contains("stopping…").doesNotContain("Exception")
                    .doesNotContain("internal error");
            assertThat(child.stdout()).contains("stopped while connecting").contains("nothing was sent");
        }
    }
}
