package dev.stratc.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The process a crash test kills with SIGKILL: a {@code main} class of the test classpath in a JVM of its own
 * (small heap, quick start), its stderr appended to a log the test shows when something goes wrong, and the
 * lines it prints to say how far it got. Shared by the runtime's crash tests and the brokers'.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** Starts {@code main} with {@code args}; {@code environment} is added to this process's environment. */
    public static Process start(Class<?> main, Path stderrLog, Map<String, String> environment, String... args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Files.createDirectories(stderrLog.toAbsolutePath().getParent());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        return builder.start();
    }

    /**
     * Reads the child's output until a line starting with {@code prefix}: true when it came, false when the
     * child ended first. The output after it is read and dropped on a daemon thread, so a child that goes on
     * printing (its logs) never blocks on a full pipe.
     */
    public static boolean awaitLine(Process child, String prefix, Duration timeout) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(prefix)) {
                        reached.complete(true);
                    }
                }
                reached.complete(false);
            } catch (IOException e) {
                reached.completeExceptionally(new UncheckedIOException(e));
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL, as the OOM killer or a power cut's supervisor would: no shutdown hook runs. */
    public static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        child.waitFor();
    }
}
