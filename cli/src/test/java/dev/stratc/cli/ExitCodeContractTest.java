package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The exit codes and messages that scripts and users rely on (README, "Exit codes"). */
class ExitCodeContractTest {

    @Test
    void helpListsTheExitCodesAndSucceeds() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: stratc", "--version", "--stacktrace", "completion")
                .contains("65  the strategy or the data is invalid")
                .contains("70  internal error");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noArgumentsIsAUsageErrorThatPrintsTheUsage() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("Usage: stratc");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theCommandListShowsWholeSentencesNotSummariesCutMidSentence() {
        CliRun run = CliRun.run("--help");

        assertThat(run.out()).contains("Runs a strategy in dry-run, paper or live mode.")
                .contains("Throws the kill switch of a run: no new entries until --clear.");
    }

    @Test
    void versionNamesTheReleaseAndTheJava() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("stratc \\d+\\.\\d+\\.\\d+").contains("Java " + Runtime.version());
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.run("completio");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'completio'")
                .contains("Did you mean: completion")
                .contains("Run 'stratc --help' for usage.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.run("--frobnicate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void userErrorPrintsOneMessageAndNoStackTrace() {
        CliRun run = CliRun.run(withCommand(new Failing(CliException.invalidInput("data.csv:12: high < low"))),
                "failing");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: data.csv:12: high < low" + System.lineSeparator());
    }

    @Test
    void internalErrorAsksForStackTraceWithoutShowingIt() {
        CliRun run = CliRun.run(withCommand(new Failing(new IllegalStateException("boom"))), "failing");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.err()).contains("internal error: java.lang.IllegalStateException: boom")
                .contains("--stacktrace")
                .doesNotContain("\tat ");
    }

    @Test
    void stackTraceOptionShowsTheStackTrace() {
        CliRun run = CliRun.run(withCommand(new Failing(new IllegalStateException("boom"))),
                "--stacktrace", "failing");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.err()).contains("\tat ").contains(ExitCodeContractTest.class.getName());
    }

    @Test
    void completionScriptIsGenerated() {
        CliRun run = CliRun.run("completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F _complete_stratc");
    }

    private static CommandLine withCommand(Object command) {
        CommandLine commandLine = StratcCommandLine.create(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        commandLine.addSubcommand(command);
        return commandLine;
    }

    @Command(name = "failing")
    private record Failing(RuntimeException failure) implements Callable<Integer> {
        @Override
        public Integer call() {
            throw failure;
        }
    }
}
