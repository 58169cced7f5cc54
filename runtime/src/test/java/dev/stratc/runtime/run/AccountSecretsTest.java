package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accounts.yaml: secrets only as placeholders, settings about them in clear. */
class AccountSecretsTest {
    @TempDir
    Path dir;

    private Path file(String settings) throws Exception {
        return Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: KIS_001
                    broker: kis
                    environment: paper
                %s
                """.formatted(settings.indent(4).stripTrailing()));
    }

    @Test
    void aTokenCacheDirectoryAndTheHashkeySwitchAreSettingsNotSecrets() throws Exception {
        ConfigFiles.Accounts accounts = ConfigFiles.accounts(file("""
                app_key: ${KIS_APP_KEY_1}
                app_secret: ${KIS_APP_SECRET_1}
                account_number: ${KIS_ACCOUNT_1}
                token_cache_dir: /var/cache/stratc/kis
                hashkey: true"""));
        assertThat(accounts.accounts().getFirst().broker().settings())
                .containsEntry("token_cache_dir", "/var/cache/stratc/kis").containsEntry("hashkey", "true");
    }

    @Test
    void secretsWrittenInClearAreRefusedWithoutRepeatingThem() throws Exception {
        for (String secret : new String[] {"app_key: PSabc123", "app_secret: xyz789", "account_number: 50000001-01",
            "private_key_file: /home/me/binance.pem", "bot_token: 123:abc"}) {
            Path file = file(secret);
            String value = secret.substring(secret.indexOf(':') + 2);
            assertThatThrownBy(() -> ConfigFiles.accounts(file)).hasMessageContaining("write an environment variable")
                    .hasMessageNotContaining(value);
        }
    }
}
