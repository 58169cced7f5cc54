package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.stratc.runtime.broker.Placeholders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code stratc run} says about a KIS account it cannot use, before anything reaches KIS. */
class KisRunInputTest {

    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    @Test
    void anInvalidAccountNumberNamesTheAccountAndTheFormatMaskedAndExits65() throws Exception {
        Placeholders.useEnvironment(Map.of("KIS_APP_KEY_1", "k".repeat(36), "KIS_APP_SECRET_1", "s".repeat(180),
                "KIS_ACCOUNT_1", "9876543-201"));
        Path accounts = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: KIS_001
                    broker: kis
                    environment: paper
                    app_key: ${KIS_APP_KEY_1}
                    app_secret: ${KIS_APP_SECRET_1}
                    account_number: ${KIS_ACCOUNT_1}
                    token_cache_dir: %s
                    rest_url: http://127.0.0.1:9
                """.formatted(dir.resolve("tokens")));

        CliRun run = CliRun.run("run", "../examples/momentum.strat", "--mode", "paper", "--accounts",
                accounts.toString(), "--symbols", "005930", "--timeframe", "1m", "--state-dir",
                dir.resolve("state").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("KIS account KIS_001: account_number (from ${KIS_ACCOUNT_1})")
                .contains("'*******-201' (11 characters, masked) is not a KIS account number")
                .contains("expected 8 digits, a dash and the 2-digit product code, such as 12345678-01")
                .doesNotContain("9876543").doesNotContain("internal error").doesNotContain("Exception");
    }
}
