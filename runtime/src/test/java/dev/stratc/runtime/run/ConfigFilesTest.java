package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.broker.SecretValues;

/** risk.yaml and accounts.yaml: a key that is not known never silently does nothing; mistakes have a line. */
class ConfigFilesTest {
    @TempDir
    Path dir;

    @AfterEach
    void processEnvironment() {
        Placeholders.useProcessEnvironment();
        SecretValues.forget();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aMisspeltRiskLimitIsRefusedAtItsLineWithTheNearestKey() throws Exception {
        Path risk = write("risk.yaml", "calendar: KRX\nmax_position_value: 1000000\nmax_daily_los: 200000\n");

        assertThatThrownBy(() -> ConfigFiles.risk(risk)).isInstanceOf(ConfigFiles.ConfigException.class)
                .hasMessageStartingWith(risk + ":3: unknown key 'max_daily_los' (did you mean 'max_daily_loss'?)");
    }

    @Test
    void aRiskValueOfTheWrongKindNamesItsLine() throws Exception {
        Path risk = write("risk.yaml", "calendar: KRX\nmax_trades_per_day: 2.5\nflatten_on_kill: yes please\n");

        assertThatThrownBy(() -> ConfigFiles.risk(risk))
                .hasMessage(risk + ":2: max_trades_per_day: expected a whole number, found 2.5");
    }

    @Test
    void anUnknownAccountKeyIsRefusedForTheAccountsBroker() throws Exception {
        Path accounts = write("accounts.yaml", """
                accounts:
                  - id: S1
                    broker: stub
                    regoin: eu
                """);

        assertThatThrownBy(() -> ConfigFiles.accounts(accounts))
                .hasMessageStartingWith(accounts + ":4: account S1 (broker stub): unknown key 'regoin' "
                        + "(did you mean 'region'?)");
    }

    @Test
    void everyBrokersAccountsKnowThePoolKeysAndAdoptHoldings() throws Exception {
        Path accounts = write("accounts.yaml", """
                accounts:
                  - id: S1
                    broker: stub
                    environment: live
                    region: eu
                    adopt_holdings: true
                    max_positions: 3
                    max_exposure: 1000000
                    strategies: [Momentum]
                  - id: SIM-A
                    broker: sim
                    adopt_holdings: false
                routing:
                  default: best
                """);

        ConfigFiles.Accounts pool = ConfigFiles.accounts(accounts);

        assertThat(pool.accounts()).hasSize(2);
        assertThat(pool.accounts().get(0).broker().settings()).containsEntry("region", "eu")
                .doesNotContainKey("adopt_holdings");
        assertThat(pool.accounts().get(0).adoptHoldings()).isTrue();
        assertThat(pool.accounts().get(1).adoptHoldings()).isFalse();
        assertThat(pool.accounts().get(0).limits().maxPositions()).isEqualTo(3);
    }

    @Test
    void maxMarginRatioIsAPercentOrAFractionAndAListSettingReachesTheAdapterJoined() throws Exception {
        Path accounts = write("accounts.yaml", """
                accounts:
                  - id: S1
                    broker: stub
                    region: [eu, us]
                    max_margin_ratio: 50%
                  - id: S2
                    broker: stub
                    max_margin_ratio: 0.25
                  - id: S3
                    broker: stub
                """);

        ConfigFiles.Accounts pool = ConfigFiles.accounts(accounts);

        assertThat(pool.accounts().get(0).broker().settings()).containsEntry("region", "eu,us")
                .doesNotContainKey("max_margin_ratio");
        assertThat(pool.accounts().get(0).limits().maxMarginRatio()).isEqualTo(0.5);
        assertThat(pool.accounts().get(1).limits().maxMarginRatio()).isEqualTo(0.25);
        assertThat(pool.accounts().get(2).limits().maxMarginRatio()).isZero();

        Path wrong = write("wrong.yaml", "accounts:\n  - id: S1\n    broker: stub\n    max_margin_ratio: 150%\n");
        assertThatThrownBy(() -> ConfigFiles.accounts(wrong))
                .hasMessage(wrong + ":4: max_margin_ratio: expected a percent above 0 and at most 100% (such as 50%) "
                        + "or a fraction such as 0.5, found '150%'");
    }

    @Test
    void aSimulatedAccountHasNoSettingsOfItsOwn() throws Exception {
        Path accounts = write("accounts.yaml", "accounts:\n  - id: SIM-A\n    broker: sim\n    colour: red\n");

        assertThatThrownBy(() -> ConfigFiles.accounts(accounts))
                .hasMessageStartingWith(accounts + ":4: account SIM-A (broker sim): unknown key 'colour'");
    }

    @Test
    void adoptHoldingsIsABoolean() throws Exception {
        Path accounts = write("accounts.yaml", "accounts:\n  - id: SIM-A\n    broker: sim\n    adopt_holdings: yes please\n");

        assertThatThrownBy(() -> ConfigFiles.accounts(accounts)).hasMessage(accounts
                + ":4: account SIM-A.adopt_holdings: expected true or false, found 'yes please'");
    }

    @Test
    void aBrokerNameOneLetterOffIsATypo() throws Exception {
        Path accounts = write("accounts.yaml", "accounts:\n  - id: A\n    broker: stubb\n");

        assertThatThrownBy(() -> ConfigFiles.accounts(accounts))
                .hasMessageStartingWith(accounts + ":3: account A.broker: 'stubb' is not known (did you mean 'stub'?)");
    }

    @Test
    void unknownRoutingKeysAndAccountsAreNamedAtTheirLine() throws Exception {
        Path accounts = write("accounts.yaml", "accounts:\n  - id: SIM-A\n    broker: sim\nrouting:\n  defualt: SIM-A\n");

        assertThatThrownBy(() -> ConfigFiles.accounts(accounts))
                .hasMessageStartingWith(accounts + ":5: routing: unknown key 'defualt' (did you mean 'default'?)");
    }

    @Test
    void everyUnsetVariableIsListedWithItsLine() throws Exception {
        Placeholders.useEnvironment(Map.of("SET_ONE", "x"));
        Path accounts = write("accounts.yaml", """
                accounts:
                  - id: S1
                    broker: stub
                    region: ${SET_ONE}
                    api_key: ${UNSET_KEY}
                    api_secret: ${UNSET_SECRET}
                """);

        ConfigFiles.Accounts pool = ConfigFiles.accounts(accounts);

        assertThatThrownBy(pool::requireEnvironment).hasMessage(
                accounts + ":5: account S1.api_key: environment variable UNSET_KEY is not set; export it before "
                        + "starting stratc\n"
                        + accounts + ":6: account S1.api_secret: environment variable UNSET_SECRET is not set; export "
                        + "it before starting stratc");
    }

    @Test
    void aSecretReadFromTheEnvironmentIsMaskedInAnyMessage() {
        Placeholders.useEnvironment(Map.of("ACCOUNT", "50012345-01", "HTS", "myhtsid"));
        BrokerAccount account = new BrokerAccount("K1", "stub", "paper",
                Map.of("account_number", "${ACCOUNT}", "hts_id", "${HTS}"));

        assertThat(account.secret("account_number")).isEqualTo("50012345-01");
        assertThat(account.setting("hts_id")).contains("myhtsid");
        assertThat(SecretValues.clean("order refused for 50012345-01 (HTS myhtsid)"))
                .isEqualTo("order refused for *******5-01 (HTS ****sid)");
    }

    /** A broker adapter for these tests: only its keys matter. */
    public static final class StubFactory implements BrokerFactory {
        @Override
        public String name() {
            return "stub";
        }

        @Override
        public Set<String> settingKeys() {
            return Set.of("region", "api_key", "api_secret");
        }

        @Override
        public BrokerPort create(BrokerAccount account, Path stateDir) {
            throw new UnsupportedOperationException("a stub for configuration tests");
        }
    }
}
