package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.cli.ExitCode;
import dev.stratc.cli.StratcCommandLine;
import dev.stratc.runtime.broker.Placeholders;
import picocli.CommandLine;

/**
 * {@code stratc run --mode live}: the "type live" question comes only after every check that can fail has passed,
 * so a user who confirms is never told afterwards that a symbol, a timeframe or the port was missing. Each
 * refusal here is answered "live" on stdin, and must neither print the banner nor ask.
 */
class LiveConfirmationTest {
    @TempDir
    Path dir;
    Path accounts;

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void liveAccountWithItsVariablesSet() throws Exception {
        Placeholders.useEnvironment(Map.of("KIS_APP_KEY_1", "PSg5dTESTKEY0123456789", "KIS_APP_SECRET_1",
                "test-secret-0123456789", "KIS_ACCOUNT_1", "50012345-01"));
        accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: KIS_001
                    broker: kis
                    environment: live
                    app_key: ${KIS_APP_KEY_1}
                    app_secret: ${KIS_APP_SECRET_1}
                    account_number: ${KIS_ACCOUNT_1}
                """);
    }

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    private Result live(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true));
        ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).input =
                new BufferedReader(new StringReader("no\n"));
        List<String> args = new ArrayList<>(List.of("run", "../examples/momentum.strat", "--mode", "live", "--risk",
                "../config/risk.yaml", "--accounts", accounts.toString(), "--state-dir", dir.resolve("state").toString()));
        args.addAll(List.of(extra));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static void askedNothing(Result result) {
        assertThat(result.out()).doesNotContain("LIVE TRADING").doesNotContain("Type 'live'");
        assertThat(result.err()).doesNotContain("not confirmed").doesNotContain("internal error");
    }

    @Test
    void withoutSymbolsLiveIsRefusedBeforeTheBanner() {
        Result result = live();

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--symbols 005930");
        askedNothing(result);
    }

    @Test
    void aBadTimeframeIsRefusedBeforeTheBanner() {
        Result result = live("--symbols", "005930", "--timeframe", "7q");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--timeframe");
        askedNothing(result);
    }

    @Test
    void aBusyHttpPortIsRefusedBeforeTheBanner() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = live("--symbols", "005930", "--http", String.valueOf(taken.getLocalPort()));

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILURE);
            assertThat(result.err()).contains("--http " + taken.getLocalPort()).contains("in use");
            askedNothing(result);
        }
    }

    @Test
    void whenEveryCheckPassesThePlanIsShownAndOnlyThenAsked() {
        Result result = live("--symbols", "005930");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.out()).contains("LIVE TRADING").contains("Type 'live'");
        assertThat(result.err()).contains("not confirmed; nothing was sent");
        assertThat(dir.resolve("state").resolve("journal")).doesNotExist();
    }
}
