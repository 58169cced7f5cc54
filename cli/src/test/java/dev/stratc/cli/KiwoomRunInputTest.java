package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.kiwoom.mock.MockKiwoom;
import dev.stratc.brokers.kiwoom.mock.MockKiwoomPaperAccount;
import dev.stratc.runtime.broker.Placeholders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code stratc run} says about a Kiwoom account it cannot use: a setting Kiwoom would never take is the
 * user's input (exit 65, before anything connects); a key Kiwoom refuses is a failure outside stratc (exit 1)
 * with Kiwoom's code and what to do. Never a stack trace, never a secret.
 */
class KiwoomRunInputTest {

    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    private CliRun run(Path accounts) {
        return CliRun.run("run", "../examples/momentum.strat", "--mode", "paper", "--accounts", accounts.toString(),
                "--symbols", "005930", "--timeframe", "1m", "--state-dir", dir.resolve("state").toString());
    }

    @Test
    void aSecretKeyKiwoomRefusesExits1WithTheCodeAndWhatToCheck() throws Exception {
        try (MockKiwoom kiwoom = new MockKiwoom(true)) {
            MockKiwoomPaperAccount.open(kiwoom, 1_000_000);
            String wrong = "x".repeat(40);
            Placeholders.useEnvironment(Map.of("KIWOOM_MOCK_APP_KEY", MockKiwoomPaperAccount.APP_KEY,
                    "KIWOOM_MOCK_SECRET_KEY", wrong));
            CliRun run = run(MockKiwoomPaperAccount.writeAccountsFile(dir.resolve("accounts.yaml"), kiwoom));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILURE);
            assertThat(run.err()).contains("KIWOOM_PAPER").contains("8002").contains("check secret_key")
                    .doesNotContain(wrong).doesNotContain(MockKiwoomPaperAccount.APP_KEY)
                    .doesNotContain("Exception").doesNotContain("internal error");
        }
    }

    @Test
    void anExchangeThe모의투자HostDoesNotHaveExits65NamingTheAccount() throws Exception {
        Placeholders.useEnvironment(MockKiwoomPaperAccount.environment());
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: KIWOOM_PAPER
                    broker: kiwoom
                    environment: paper
                    app_key: ${KIWOOM_MOCK_APP_KEY}
                    secret_key: ${KIWOOM_MOCK_SECRET_KEY}
                    exchange: NXT
                    rest_url: http://127.0.0.1:9
                    token_cache_dir: %s
                """.formatted(dir.resolve("tokens")));

        CliRun run = run(accounts);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("Kiwoom account KIWOOM_PAPER: exchange 'NXT' is not available on 모의투자")
                .doesNotContain("Exception");
    }

    @Test
    void aMisspeltKiwoomKeyIsNamedAtItsLine() throws Exception {
        Placeholders.useEnvironment(MockKiwoomPaperAccount.environment());
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: KIWOOM_PAPER
                    broker: kiwoom
                    environment: paper
                    app_key: ${KIWOOM_MOCK_APP_KEY}
                    secretkey: ${KIWOOM_MOCK_SECRET_KEY}
                """);

        CliRun run = run(accounts);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains(accounts + ":6").contains("secretkey").contains("secret_key");
    }

    @Test
    void aKiwoomErrorThatReachesTheTopIsAFailureAndABadSettingIsInput() {
        CliException limited = Failures.translate(new dev.stratc.brokers.kiwoom.KiwoomException("Kiwoom kt00001"
                + " (account K1): return_code 5 허용된 요청 개수를 초과하였습니다[1700:유량=1] — the request-count limit",
                200, 5, 1700, null)).orElseThrow();
        assertThat(limited.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(limited.getMessage()).contains("1700").contains("the request-count limit");
        CliException setting = Failures.translate(new dev.stratc.brokers.kiwoom.KiwoomException(
                "Kiwoom account K1: max_streamed_symbols 'many' is not a number",
                new IllegalArgumentException("many"))).orElseThrow();
        assertThat(setting.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    private Path universeAccounts(MockKiwoom kiwoom, String universe) throws Exception {
        return Files.writeString(dir.resolve("accounts.yaml"), "accounts:\n"
                + MockKiwoomPaperAccount.entry(kiwoom, dir.resolve("tokens")) + "universe: " + universe + "\n");
    }

    private Path conditionFollow() throws Exception {
        return Files.writeString(dir.resolve("condition-follow.strat"), """
                strategy("ConditionFollow", timeframe: 1s, warmup: 1) {
                  scan {
                    when (close > close[1]) {
                      signal("UP", { symbol: symbol })
                    }
                  }
                  entry {
                    on signal("UP") {
                      buy(quantity: 2)
                    }
                  }
                }
                """);
    }

    @Test
    void aConditionTheHtsDoesNotHaveIsNamedWithTheOnesItHas() throws Exception {
        try (MockKiwoom kiwoom = new MockKiwoom(true)) {
            MockKiwoomPaperAccount.open(kiwoom, 10_000_000);
            kiwoom.addCondition("0", "거래량급증", List.of("005930"));
            kiwoom.addCondition("1", "신고가", List.of());
            Placeholders.useEnvironment(MockKiwoomPaperAccount.environment());
            Path accounts = universeAccounts(kiwoom, "kiwoom_condition(\"급등주\")");

            CliRun run = CliRun.run("run", conditionFollow().toString(), "--mode", "paper", "--accounts",
                    accounts.toString(), "--state-dir", dir.resolve("state").toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(run.err()).contains(accounts + ":10: universe: kiwoom_condition(\"급등주\")")
                    .contains("has no condition named '급등주'").contains("[거래량급증, 신고가]")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aUniverseOfABrokerNotInThePoolIsRefusedAtItsLine() throws Exception {
        try (MockKiwoom kiwoom = new MockKiwoom(true)) {
            Placeholders.useEnvironment(MockKiwoomPaperAccount.environment());
            Path accounts = universeAccounts(kiwoom, "'kiwoom_condition(\"거래량급증\", account: \"KIWOOM_2\")'");
            CliRun run = CliRun.run("run", conditionFollow().toString(), "--mode", "paper", "--accounts",
                    accounts.toString(), "--state-dir", dir.resolve("state").toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(run.err()).contains(accounts + ":10: universe:").contains("needs account KIWOOM_2")
                    .contains("[KIWOOM_PAPER]");
        }
    }

}
