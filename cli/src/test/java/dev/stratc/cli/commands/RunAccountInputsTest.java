package dev.stratc.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.brokers.kis.mock.MockKis;
import dev.stratc.brokers.kis.mock.MockPaperAccount;
import dev.stratc.cli.ExitCode;
import dev.stratc.cli.StratcCommandLine;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.broker.SecretValues;
import picocli.CommandLine;

/** {@code stratc run --accounts}: mistakes in the pool file or the environment, named before anything is sent. */
class RunAccountInputsTest {
    private static final String STRATEGY = "../examples/momentum.strat";

    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
        SecretValues.forget();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Path accounts, String symbol) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true));
        int exitCode = commandLine.execute("run", STRATEGY, "--mode", "paper", "--accounts", accounts.toString(),
                "--symbols", symbol, "--timeframe", "1m", "--state-dir", dir.resolve("state").toString(),
                "--status-every", "0");
        return new Result(exitCode, out.toString(), err.toString());
    }

    @Test
    void everyUnsetVariableIsListedWithItsLineBeforeAnythingStarts() throws Exception {
        Placeholders.useEnvironment(Map.of("KIS_APP_KEY_1", "PSg5dTESTKEY0123456789"));
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: KIS_001
                    broker: kis
                    environment: paper
                    app_key: ${KIS_APP_KEY_1}
                    app_secret: ${KIS_APP_SECRET_1}
                    account_number: ${KIS_ACCOUNT_1}
                """);

        Result result = run(accounts, "005930");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains(accounts + ":6: account KIS_001.app_secret: environment variable "
                        + "KIS_APP_SECRET_1 is not set")
                .contains(accounts + ":7: account KIS_001.account_number: environment variable KIS_ACCOUNT_1 is not set")
                .doesNotContain("KIS_APP_KEY_1 is not set").doesNotContain("bug in stratc");
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLineAndTheNearestKnownOne() throws Exception {
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: KIS_001
                    broker: kis
                    app_key: ${KIS_APP_KEY_1}
                    max_positons: 3
                """);

        Result result = run(accounts, "005930");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains(accounts + ":5: account KIS_001 (broker kis): unknown key 'max_positons' "
                + "(did you mean 'max_positions'?)");
    }

    @Test
    void anAccountNumberOfTheWrongFormIsBadInputAndIsMasked() throws Exception {
        Placeholders.useEnvironment(Map.of("KIS_APP_KEY", "PSg5dTESTKEY0123456789", "KIS_APP_SECRET", "s3cr3t-value",
                "KIS_ACCOUNT", "9876543"));
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: KIS_001
                    broker: kis
                    app_key: ${KIS_APP_KEY}
                    app_secret: ${KIS_APP_SECRET}
                    account_number: ${KIS_ACCOUNT}
                """);

        Result result = run(accounts, "005930");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains(accounts.toString()).contains("KIS_001").contains("*****43")
                .doesNotContain("9876543").doesNotContain("bug in stratc");
    }

    @Test
    void aBrokerThatCannotBeReachedIsARunTimeFailureNamingTheAddress() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Placeholders.useEnvironment(Map.of("BN_KEY", "testnet-key-0123456789", "BN_SECRET", "testnet-secret-0123"));
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: BN_TEST
                    broker: binance
                    api_key: ${BN_KEY}
                    api_secret: ${BN_SECRET}
                    rest_url: http://127.0.0.1:%1$d
                    ws_api_url: ws://127.0.0.1:%1$d/ws-api/v3
                    stream_url: ws://127.0.0.1:%1$d
                """.formatted(closed));

        Result result = run(accounts, "BTCUSDT");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).contains("127.0.0.1:" + closed).contains("BN_TEST")
                .doesNotContain("bug in stratc").doesNotContain("testnet-secret");
    }

    @Test
    void aKisWebSocketThatCannotBeReachedIsARunTimeFailureNamingItWithTheHtsIdMasked() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (MockKis kis = new MockKis()) {
            MockPaperAccount.open(kis, 10_000_000);
            kis.addSymbol("005930", "삼성전자", 70_000);
            Placeholders.useEnvironment(Map.of("KIS_APP_KEY", MockPaperAccount.APP_KEY, "KIS_APP_SECRET",
                    MockPaperAccount.APP_SECRET, "KIS_ACCOUNT", MockPaperAccount.ACCOUNT_NUMBER, "KIS_HTS_ID",
                    "paperhts"));
            Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                    accounts:
                      - id: KIS_PAPER
                        broker: kis
                        environment: paper
                        app_key: ${KIS_APP_KEY}
                        app_secret: ${KIS_APP_SECRET}
                        account_number: ${KIS_ACCOUNT}
                        hts_id: ${KIS_HTS_ID}
                        rest_url: %s
                        ws_url: ws://127.0.0.1:%d
                    """.formatted(kis.restUrl(), closed));

            Result result = run(accounts, "005930");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILURE);
            assertThat(result.err()).contains("ws://127.0.0.1:" + closed).contains("KIS_PAPER")
                    .doesNotContain("paperhts").doesNotContain(MockPaperAccount.ACCOUNT_NUMBER)
                    .doesNotContain("bug in stratc");
        }
    }

    @Test
    void aShortCapableStrategyRoutedToASpotAccountIsRefusedBeforeAnythingConnects() throws Exception {
        Path strategy = Files.writeString(dir.resolve("short-trend.strat"), """
                // sells short below its average: futures only
                strategy("ShortTrend", timeframe: 1m, allow_short: true) {
                  entry {
                    when (crosses_below(close, sma(close, 20))) {
                      sell(quantity: 1)
                    }
                  }
                  exit {
                    when (crosses_above(close, sma(close, 20))) {
                      buy(quantity: 1)
                    }
                  }
                }
                """);
        Placeholders.useEnvironment(Map.of("BN_KEY", "testnet-key-0123456789", "BN_SECRET", "testnet-secret-0123"));
        // nothing listens there: the refusal must come before any connection is tried
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: BN_SPOT
                    broker: binance
                    environment: paper
                    api_key: ${BN_KEY}
                    api_secret: ${BN_SECRET}
                    rest_url: http://127.0.0.1:9
                    ws_api_url: ws://127.0.0.1:9/ws-api/v3
                    stream_url: ws://127.0.0.1:9
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = StratcCommandLine.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute("run",
                strategy.toString(), "--mode", "paper", "--accounts", accounts.toString(), "--symbols", "BTCUSDT",
                "--state-dir", dir.resolve("state").toString(), "--status-every", "0");

        assertThat(exitCode).as(err.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains(strategy + ":2:39: strategy ShortTrend may sell short (allow_short: true)")
                .contains("account BN_SPOT, a Binance Spot account").contains("markets: usdm")
                .contains(accounts.toString()).doesNotContain("127.0.0.1:9").doesNotContain("bug in stratc");
    }
}
