package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.stratc.cli.Main;

/**
 * The live dashboard of {@code stratc run --http 0} against a paper run on the simulated exchange (a real child
 * process replaying examples/data): the page, the event stream with the account and its position, and the kill
 * button's token. Every wait is for a condition, with a generous limit.
 */
class RunDashboardTest {
    private static final Pattern DASHBOARD = Pattern.compile(
            "dashboard on (http://127\\.0\\.0\\.1:\\d+)/dashboard \\(kill-switch token: ([0-9a-f]+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final HttpClient http = HttpClient.newHttpClient();
    String base;
    String token;

    /** A strategy that buys once and holds: the position stays open for the whole replay. */
    @BeforeEach
    void startAPaperRunWithTheDashboard() throws Exception {
        Path strategy = Files.writeString(dir.resolve("holder.strat"), """
                strategy("Holder", timeframe: 5m) {
                  entry {
                    when (close > 0) {
                      buy(quantity: 0.5)
                    }
                  }
                }
                """);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", strategy.toString(), "--mode", "paper", "--data", "../examples/data/btcusd-bitstamp-5m.csv",
                "--speed", "600", "--http", "0", "--state-dir", dir.resolve("state").toString(), "--status-every", "0");
        builder.redirectError(dir.resolve("stderr.txt").toFile());
        process = builder.start();
        InputStream out = process.getInputStream();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    stdout.append(line).append('\n');
                }
            } catch (IOException e) {
                // the run ended
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Matcher m = DASHBOARD.matcher("");
        while (!(m = DASHBOARD.matcher(stdout)).find()) {
            assertThat(process.isAlive()).as("the run ended: %s %s", stdout, stderr()).isTrue();
            assertThat(System.nanoTime()).as("no dashboard line in %s", stdout).isLessThan(deadline);
            Thread.sleep(100);
        }
        base = m.group(1);
        token = m.group(2);
    }

    @AfterEach
    void stopTheRun() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> kill(String header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/kill")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header("X-Stratc-Token", header);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads {@code /events} until a view with an open position comes (the first bars must be replayed first). */
    private JsonNode viewWithAPosition() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> events = http.send(
                HttpRequest.newBuilder(URI.create(base + "/events")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (var lines = events.body()) {
            return lines.filter(line -> line.startsWith("data: ")).limit(120)
                    .map(line -> {
                        try {
                            return JSON.readTree(line.substring("data: ".length()));
                        } catch (IOException e) {
                            throw new AssertionError("not JSON: " + line, e);
                        }
                    })
                    .filter(view -> !view.get("positions").isEmpty()).findFirst()
                    .orElseThrow(() -> new AssertionError("no position in two minutes of events: " + stdout));
        }
    }

    @Test
    void theDashboardStreamsTheAccountAndItsPositionsAndItsKillButtonNeedsTheToken() throws Exception {
        HttpResponse<String> page = get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<table id=\"positions\"", "<svg id=\"equity\"", "new EventSource('/events')")
                .doesNotContain("src=\"http", "href=\"http");   // offline: nothing fetched from elsewhere

        JsonNode view = viewWithAPosition();
        assertThat(view.at("/status/strategy").asText()).isEqualTo("Holder");
        assertThat(view.at("/status/mode").asText()).isEqualTo("paper");
        assertThat(view.at("/accounts/0/id").asText()).isEqualTo("SIM");
        assertThat(view.at("/status/accounts/0/health").asText()).isEqualTo("HEALTHY");
        assertThat(view.at("/positions/0/account").asText()).isEqualTo("SIM");
        assertThat(view.at("/positions/0/symbol").asText()).as("named after the file").isEqualTo("btcusd-bitstamp-5m");
        assertThat(view.at("/positions/0/quantity").asDouble()).isEqualTo(0.5);
        assertThat(view.at("/fills/0/side").asText()).isEqualTo("BUY");
        assertThat(view.at("/status/killSwitch").asBoolean()).isFalse();

        assertThat(kill(null).statusCode()).as("no token").isEqualTo(403);
        assertThat(kill("0".repeat(token.length())).statusCode()).as("a wrong token").isEqualTo(403);
        assertThat(Files.exists(dir.resolve("state").resolve("KILL"))).isFalse();
        assertThat(JSON.readTree(get("/health").body()).get("killSwitch").asBoolean()).isFalse();

        assertThat(kill(token).statusCode()).isEqualTo(200);
        assertThat(dir.resolve("state").resolve("KILL")).isRegularFile();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> health;
        while (!JSON.readTree((health = get("/health")).body()).get("killSwitch").asBoolean()) {
            assertThat(System.nanoTime()).as("the kill switch never showed in /health").isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(health.statusCode()).as("a thrown kill switch is a degraded run").isEqualTo(503);
        assertThat(stdout.toString() + stderr()).as("the token is printed once, on the dashboard line")
                .containsOnlyOnce(token);
    }
}
