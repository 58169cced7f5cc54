package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.cli.ExitCode;
import dev.stratc.cli.StratcCommandLine;
import dev.stratc.runtime.run.StateDirectory;
import dev.stratc.runtime.broker.Placeholders;
import picocli.CommandLine;

class RunAndKillCommandTest {
    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true));
        ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).input =
                new BufferedReader(new StringReader(input));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    @Test
    void paperWithoutAccountsTradesOnTheSimulatedExchangeAndShowsSignalsOrdersFillsAndPnl() {
        Path state = dir.resolve("state");
        Result result = run("", "run", "../examples/momentum.strat", "--mode", "paper", "--speed", "max",
                "--data", "synth:krx?symbols=20&days=5&seed=1", "--state-dir", state.toString(), "--status-every", "0");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("MomentumSurgeScanner paper on the simulated exchange")
                .contains("SIGNAL   SURGE_DETECTED").contains("ORDER    BUY").contains("FILL     BUY")
                .contains("FILL     SELL").contains("session summary");
        assertThat(state.resolve("journal")).isDirectory();
        assertThat(state.resolve("sim").resolve("exchange.jsonl")).isRegularFile();

        Result again = run("", "run", "../examples/momentum.strat", "--mode", "paper", "--speed", "max",
                "--data", "synth:krx?symbols=20&days=5&seed=1", "--state-dir", state.toString(), "--status-every", "0");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).as("a finished run started again sends nothing twice").doesNotContain("ORDER ");
    }

    @Test
    void aDryRunWithoutSpeedReplaysAsFastAsItGoesAsTheReadmeSays() {
        Result result = run("", "run", "../examples/momentum.strat", "--mode", "dry-run",
                "--data", "synth:krx?symbols=5&days=1&seed=1", "--state-dir", dir.resolve("dry").toString(),
                "--status-every", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("dry-run on the simulated exchange").contains("speed max;");
    }

    @Test
    void aSecondRunOnAStateDirectoryInUseIsRefusedAtOnceWithExit1WhileKillKeepsWorking() {
        Path state = dir.resolve("held");
        try (StateDirectory held = StateDirectory.lock(state)) {
            Result second = run("", "run", "../examples/momentum.strat", "--mode", "paper", "--speed", "max",
                    "--data", "synth:krx?symbols=2&days=1&seed=1", "--state-dir", state.toString());
            assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
            assertThat(second.err()).contains(state.toString()).contains("in use by another run")
                    .contains("PID " + ProcessHandle.current().pid()).doesNotContain("Exception");
            assertThat(second.out()).as("refused before loading data or starting").doesNotContain("simulated exchange");
            assertThat(state.resolve("journal")).doesNotExist();

            Result kill = run("", "kill", "--state-dir", state.toString(), "--reason", "beside a running run");
            assertThat(kill.exitCode()).as(kill.err()).isZero();
            assertThat(run("", "kill", "--state-dir", state.toString(), "--status").out()).contains("THROWN");
            assertThat(run("", "kill", "--state-dir", state.toString(), "--clear").exitCode()).isZero();
        }
    }

    @Test
    void liveRefusesToStartWithoutRiskLimits() {
        Result result = run("", "run", "../examples/momentum.strat", "--mode", "live", "--state-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(65);
        assertThat(result.err()).contains("live trading needs risk limits");
    }

    @Test
    void liveWithoutAccountsIsRefusedBeforeAnyBanner() {
        Result result = run("", "run", "../examples/momentum.strat", "--mode", "live", "--risk", "../config/risk.yaml",
                "--state-dir", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--mode live needs --accounts FILE").doesNotContain("internal error");
        assertThat(result.out()).doesNotContain("LIVE TRADING");
    }

    @Test
    void liveShowsThePlanLoudlyAndSendsNothingUnlessConfirmed() throws Exception {
        // the variables must be set: an unset one stops a live run before the plan (RunAccountInputsTest)
        Placeholders.useEnvironment(Map.of("KIS_APP_KEY_1", "PSg5dTESTKEY0123456789", "KIS_APP_SECRET_1",
                "test-secret-0123456789", "KIS_ACCOUNT_1", "50012345-01"));
        Path accounts = dir.resolve("accounts.yaml");
        Files.writeString(accounts, """
                accounts:
                  - id: KIS_001
                    broker: kis
                    environment: live
                    app_key: ${KIS_APP_KEY_1}
                    app_secret: ${KIS_APP_SECRET_1}
                    account_number: ${KIS_ACCOUNT_1}
                """);
        Result result = run("no\n", "run", "../examples/momentum.strat", "--mode", "live", "--risk",
                "../config/risk.yaml", "--accounts", accounts.toString(), "--symbols", "005930",
                "--state-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("LIVE TRADING — REAL ORDERS, REAL MONEY").contains("KIS_001 [kis]")
                .contains("daily loss 2,000,000").contains("Type 'live' to start");
        assertThat(result.err()).contains("not confirmed; nothing was sent");
        assertThat(dir.resolve("journal")).doesNotExist();
    }

    @Test
    void aPaperRunRefusesLiveAccountsAndSecretsWrittenInClear() throws Exception {
        Path accounts = dir.resolve("accounts.yaml");
        Files.writeString(accounts, """
                accounts:
                  - id: KIS_001
                    broker: kis
                    environment: paper
                    app_key: PSg5dTESTKEY0123456789
                """);
        Result result = run("", "run", "../examples/momentum.strat", "--mode", "paper", "--accounts",
                accounts.toString(), "--state-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(65);
        assertThat(result.err()).contains("account KIS_001.app_key: write an environment variable placeholder")
                .doesNotContain("PSg5dTESTKEY");
    }

    @Test
    void killThrowsReportsAndClearsTheSwitch() {
        Result thrown = run("", "kill", "--state-dir", dir.toString(), "--reason", "news at 14:00");
        assertThat(thrown.exitCode()).isZero();
        assertThat(dir.resolve("KILL")).isRegularFile();
        assertThat(run("", "kill", "--state-dir", dir.toString(), "--status").out()).contains("THROWN").contains("news at 14:00");
        assertThat(run("", "kill", "--state-dir", dir.toString(), "--clear").out()).contains("cleared");
        assertThat(dir.resolve("KILL")).doesNotExist();
        assertThat(run("", "kill", "--state-dir", dir.resolve("nowhere").toString()).exitCode()).isEqualTo(65);
    }
}
