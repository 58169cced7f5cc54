package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code STRATC_JAVA_OPTS=-Xmx16m ./stratc backtest …}: the real process, its heap too small for the job. It
 * ends with exit 1 and a message saying how much the job needs and how to give it, never an OutOfMemoryError
 * trace. (In a process of its own: the JVM's heap size can only be set when it starts.)
 */
class OutOfMemoryProcessTest {
    @TempDir
    Path dir;

    private record Result(int exitCode, String err) {
    }

    private static Result stratc(String heap, String... args) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), err);
    }

    /** The refusal of synthetic data that cannot fit at all is tested in process: BadInputContractTest. */
    @Test
    void dataThatOutgrowsTheHeapWhileLoadingIsExplained() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("time,open,high,low,close,volume\n");
            for (int i = 0; i < 300_000; i++) {
                out.write((1_700_000_000L + i * 60L) + ",100.5,101.25,99.75,100.125,1234.5\n");
            }
        }

        Result result = stratc("16m", "backtest", "../examples/rsi2.strat", "--data", csv.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).startsWith("error: out of memory: " + csv + " (")
                .contains("STRATC_JAVA_OPTS=-Xmx").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }
}
