package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adopt_holdings} in accounts.yaml: off unless an account says so, and only as true or false. */
class AdoptHoldingsSettingTest {
    @TempDir
    Path dir;

    @Test
    void holdingsAreAdoptedOnlyByTheAccountThatSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: BN_MAIN
                    broker: binance
                    adopt_holdings: true
                  - id: BN_SUB
                    broker: binance
                """);
        ConfigFiles.Accounts accounts = ConfigFiles.accounts(file);
        assertThat(accounts.accounts()).extracting(e -> e.broker().id() + "=" + e.adoptHoldings())
                .containsExactly("BN_MAIN=true", "BN_SUB=false");
        assertThat(accounts.accounts().getFirst().broker().settings()).doesNotContainKey("adopt_holdings");
    }

    @Test
    void anythingButTrueOrFalseIsRefusedNamingTheAccount() throws Exception {
        Path file = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: BN_MAIN
                    broker: binance
                    adopt_holdings: "yes please"
                """);
        assertThatThrownBy(() -> ConfigFiles.accounts(file)).isInstanceOf(ConfigFiles.ConfigException.class)
                .hasMessageContaining("account BN_MAIN.adopt_holdings: expected true or false, found 'yes please'");
    }
}
