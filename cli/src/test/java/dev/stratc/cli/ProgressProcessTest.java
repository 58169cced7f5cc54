package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress bars as a user sees them: drawn on a terminal (a pseudo-terminal from util-linux {@code script}), never
 * in piped output, and not with {@code --quiet}. The bars' one-second delay is set to 0 here, so that what is
 * asserted does not depend on how fast the machine is.
 */
class ProgressProcessTest {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path dir;

    private String stratc(boolean onTerminal, String... args) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> java = new ArrayList<>(List.of(javaBinary, "--enable-native-access=ALL-UNNAMED",
                "-Dstratc.progress.showAfterMillis=0", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        java.addAll(List.of(args));
        List<String> command = java;
        if (onTerminal) {
            command = List.of(SCRIPT.toString(), "-qec", String.join(" ", java.stream().map(ProgressProcessTest::quote)
                    .toList()), "/dev/null");
        }
        Path output = dir.resolve("output-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("NO_COLOR");
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String said = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(said).isZero();
        return said;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Test
    void synthDrawsItsPhasesOnATerminal() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pseudo-terminal");
        String said = stratc(true, "data", "synth", "--symbols", "40", "--days", "2", "--out",
                dir.resolve("s.duckdb").toString());

        assertThat(said).contains("generate").contains("write s.duckdb").contains("100%").contains("40/40")
                .contains("symbols/s").contains("wrote 40 synthetic symbols");
    }

    @Test
    void aBacktestDrawsLoadingAndSimulationOnATerminalButNotWithQuiet() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pseudo-terminal");
        String shown = stratc(true, "backtest", "../examples/momentum.strat", "--data",
                "synth:krx?symbols=20&days=1&seed=1");
        assertThat(shown).contains("load").contains("backtest").contains("100%").contains("Net return");

        String quiet = stratc(true, "--quiet", "backtest", "../examples/momentum.strat", "--data",
                "synth:krx?symbols=20&days=1&seed=1");
        assertThat(quiet).contains("Net return").doesNotContain("100%").doesNotContain("symbols/s");
    }

    @Test
    void pipedOutputHasNoBarOnlyTheSummaryLine() throws Exception {
        String said = stratc(false, "data", "synth", "--symbols", "40", "--days", "2", "--out",
                dir.resolve("p.duckdb").toString());

        assertThat(said).doesNotContain("%").doesNotContain("\r").contains("wrote 40 synthetic symbols");
    }
}
