package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.cli.ExitCode;
import dev.stratc.cli.StratcCommandLine;

/** check, compile and fmt as a user runs them: their output and exit codes. */
class CompilerCommandsTest {
    private static final String WITH_TYPO = """
            strategy("Typo") {
              entry {
                when (rsii(14) < 30) {
                  buy()
                }
              }
            }
            """;

    private static final String UNFORMATTED = """
            strategy("Messy") {
            parameters { length = 14   // bars
            unused = 1 }
              entry { when (rsi(length)<30 and close>open) { buy( quantity : 10 ) } }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void checkPrintsTheErrorWithItsLineACaretAndAHintThenExits65() throws IOException {
        Path file = write("typo.strat", WITH_TYPO);

        Run run = run("check", file.toString());

        assertThat(run.exitCode).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err).isEqualTo(file + ":3:11: error[S008]: unknown function 'rsii'\n"
                + " 3 |     when (rsii(14) < 30) {\n"
                + "   |           ^^^^\n"
                + "   = hint: did you mean 'rsi'?\n"
                + "1 error, 0 warnings\n");
        assertThat(run.out).isEmpty();
    }

    @Test
    void warningsPassUnlessWerror() throws IOException {
        Path file = write("messy.strat", UNFORMATTED);

        Run lenient = run("check", file.toString());
        Run strict = run("check", "--werror", file.toString());

        assertThat(lenient.exitCode).isZero();
        assertThat(lenient.err).contains("warning[W001]: parameter 'unused' is never used");
        assertThat(lenient.out).isEqualTo(file + ": ok (Messy)\n");
        assertThat(strict.exitCode).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void jsonFormatPrintsOneArrayForAllFiles() throws IOException {
        Path typo = write("typo.strat", WITH_TYPO);
        Path messy = write("messy.strat", UNFORMATTED);

        Run run = run("check", "--format", "json", typo.toString(), messy.toString());

        assertThat(run.exitCode).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.out).contains("\"code\" : \"S008\"", "\"line\" : 3", "\"column\" : 11",
                "\"hint\" : \"did you mean 'rsi'?\"", "\"code\" : \"W001\"");
        assertThat(run.err).isEmpty();
    }

    @Test
    void aMissingFileIsOneMessage() {
        Run run = run("check", directory.resolve("nothere.strat").toString());

        assertThat(run.exitCode).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err).isEqualTo("error: " + directory.resolve("nothere.strat") + ": no such file\n");
    }

    @Test
    void compileWritesTheGeneratedJava() throws IOException {
        Path file = write("typo-free.strat", WITH_TYPO.replace("rsii", "rsi"));
        Path java = directory.resolve("java");

        Run run = run("compile", file.toString(), "--emit-java", java.toString());

        assertThat(run.exitCode).isZero();
        try (var files = Files.list(java)) {
            Path generated = files.findFirst().orElseThrow();
            assertThat(generated.getFileName().toString()).startsWith("Typo_").endsWith(".java");
            assertThat(Files.readString(generated)).contains("implements SymbolStrategy", "dev.stratc.indicators");
        }
        assertThat(run.out).contains("compiled Typo");
    }

    @Test
    void fmtCheckReportsThenFmtRewritesIdempotently() throws IOException {
        Path file = write("messy.strat", UNFORMATTED);

        Run check = run("fmt", "--check", file.toString());
        assertThat(check.exitCode).isEqualTo(ExitCode.FAILURE);
        assertThat(check.out).startsWith(file + ": not formatted\n--- " + file + "\n+++ " + file + " (formatted)\n@@ -1,")
                .as("the diff shows how: the formatted lines with +, the original ones with -")
                .contains("\n+  parameters {\n").containsPattern("\n-.*length");
        assertThat(Files.readString(file)).isEqualTo(UNFORMATTED);

        assertThat(run("fmt", file.toString()).exitCode).isZero();
        assertThat(Files.readString(file)).isEqualTo("""
                strategy("Messy") {
                  parameters {
                    length = 14  // bars
                    unused = 1
                  }

                  entry {
                    when (rsi(length) < 30 AND close > open) {
                      buy(quantity: 10)
                    }
                  }
                }
                """);
        Run again = run("fmt", "--check", file.toString());
        assertThat(again.exitCode).isZero();
        assertThat(again.out).isEmpty();
    }

    @Test
    void fmtRefusesAFileWithSyntaxErrorsAndLeavesItAlone() throws IOException {
        Path file = write("broken.strat", "strategy(\"Broken\") {\n  entry {\n");

        Run run = run("fmt", file.toString());

        assertThat(run.exitCode).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err).contains("error[S001]");
        assertThat(Files.readString(file)).isEqualTo("strategy(\"Broken\") {\n  entry {\n");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exitCode, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
