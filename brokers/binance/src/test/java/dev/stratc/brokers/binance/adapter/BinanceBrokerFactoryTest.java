package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.binance.config.BinanceAccountSettings;
import dev.stratc.brokers.binance.config.BinanceConfig;
import dev.stratc.brokers.binance.config.BinanceEndpoints;
import dev.stratc.brokers.binance.sign.Ed25519Key;
import dev.stratc.brokers.binance.sign.HmacKey;
import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerInfo;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.run.ConfigFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts and sub-accounts as config/accounts.yaml and config/brokers/binance.yaml describe them. */
class BinanceBrokerFactoryTest {
    @TempDir
    Path dir;
    private final Map<String, String> env = new HashMap<>(Map.of("BN_KEY", "apiKey0123456789", "BN_SECRET", "s3cr3t"));

    @AfterEach
    void restoreEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    private BrokerAccount account(String id, String environment, Map<String, String> settings) {
        Placeholders.useEnvironment(env);
        return new BrokerAccount(id, "binance", environment, settings);
    }

    @Test
    void thePoolFindsTheFactoryByItsNameAndAPaperAccountGoesToTheTestnet() {
        BrokerFactory factory = ServiceLoader.load(BrokerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("binance")).findFirst().orElseThrow();
        BrokerAccount main = account("binance-main", "paper", Map.of("api_key", "${BN_KEY}", "api_secret", "${BN_SECRET}",
                "broker_config", dir.resolve("absent.yaml").toString()));

        BrokerPort port = factory.create(main, dir);

        BrokerInfo info = port.info();
        assertThat(info.venue()).isEqualTo("BINANCE");
        assertThat(info.environment()).isEqualTo(BrokerInfo.Environment.PAPER);
        assertThat(info.currency()).isEqualTo("USDT");
    }

    @Test
    void aSubAccountHasItsOwnKeyAndNamesItsMaster() {
        BinanceAccountSettings sub = BinanceAccountSettings.from(account("binance-sub-arb", "live", Map.of(
                "api_key", "${BN_KEY}", "api_secret", "${BN_SECRET}", "sub_account_of", "binance-main",
                "recv_window_ms", "3000")), BinanceConfig.DEFAULTS);

        assertThat(sub.endpoints()).isEqualTo(BinanceEndpoints.PRODUCTION);
        assertThat(sub.masterAccount()).contains("binance-main");
        assertThat(sub.key()).isInstanceOf(HmacKey.class);
        assertThat(sub.recvWindow()).isEqualTo(Duration.ofMillis(3000));
        assertThat(sub.toString()).doesNotContain("s3cr3t").doesNotContain("apiKey0123456789");
    }

    @Test
    void anEd25519KeyIsReadFromItsPemFile() throws Exception {
        Path pem = dir.resolve("binance.pem");
        byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        env.put("BN_PEM", pem.toString());

        BinanceAccountSettings settings = BinanceAccountSettings.from(account("ed", "paper",
                Map.of("api_key", "${BN_KEY}", "private_key_file", "${BN_PEM}")), BinanceConfig.DEFAULTS);

        assertThat(settings.key()).isInstanceOf(Ed25519Key.class);
    }

    @Test
    void mistakesAreNamedWithTheAccountAndTheSetting() {
        assertThatThrownBy(() -> BinanceAccountSettings.from(account("a1", "paper", Map.of("api_key", "${BN_KEY}")),
                BinanceConfig.DEFAULTS)).hasMessage("account a1: give either api_secret (HMAC) or private_key_file (Ed25519), not neither");
        assertThatThrownBy(() -> BinanceAccountSettings.from(account("a2", "paper",
                Map.of("api_key", "${BN_MISSING}", "api_secret", "x")), BinanceConfig.DEFAULTS))
                .hasMessageContaining("a2.api_key").hasMessageContaining("BN_MISSING is not set");
        assertThatThrownBy(() -> BinanceAccountSettings.from(account("a3", "paper",
                Map.of("api_key", "k", "api_secret", "x", "rest_url", "ftp://nowhere")), BinanceConfig.DEFAULTS))
                .hasMessageContaining("rest_url");
        assertThatThrownBy(() -> BinanceAccountSettings.from(account("a4", "paper",
                Map.of("api_key", "k", "api_secret", "x", "recv_window_ms", "90000")), BinanceConfig.DEFAULTS))
                .hasMessage("account a4: recv_window_ms must be 1..60000, is 90000");
    }

    @Test
    void theBrokerConfigFileOverridesEndpointsAndEveryAccountUrlOverridesThat() throws Exception {
        Path file = dir.resolve("binance.yaml");
        Files.writeString(file, """
                testnet:
                  rest_url: http://127.0.0.1:18080
                  ws_api_url: ws://127.0.0.1:18080/ws-api/v3
                  stream_url: ws://127.0.0.1:18080
                recv_window_ms: 4000
                """);
        BinanceConfig config = BinanceConfig.load(file);

        BinanceAccountSettings settings = BinanceAccountSettings.from(account("t", "paper", Map.of("api_key", "k",
                "api_secret", "x", "stream_url", "ws://127.0.0.1:19090")), config);

        assertThat(settings.endpoints()).isEqualTo(new BinanceEndpoints("http://127.0.0.1:18080",
                "ws://127.0.0.1:18080/ws-api/v3", "ws://127.0.0.1:19090"));
        assertThat(settings.recvWindow()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.production()).isEqualTo(BinanceEndpoints.PRODUCTION);
    }

    @Test
    void theBinanceAccountOfTheShippedAccountsFileMakesATestnetBroker() {
        env.putAll(Map.of("BINANCE_API_KEY", "apiKey0123456789", "BINANCE_API_SECRET", "s3cr3t"));
        Placeholders.useEnvironment(env);
        BrokerAccount binance = ConfigFiles.accounts(Path.of("../../config/accounts.yaml")).accounts().stream()
                .map(ConfigFiles.Accounts.Entry::broker).filter(a -> a.broker().equals("binance")).findFirst()
                .orElseThrow();

        BrokerPort port = new BinanceBrokerFactory().create(binance, dir);

        assertThat(port.info().environment()).isEqualTo(BrokerInfo.Environment.PAPER);
        assertThat(BinanceAccountSettings.from(binance, BinanceConfig.DEFAULTS).endpoints())
                .isEqualTo(BinanceEndpoints.TESTNET);
    }

    @Test
    void theShippedConfigFileIsValid() {
        Path shipped = Path.of("../../config/brokers/binance.yaml");
        Placeholders.useEnvironment(Map.of());

        BinanceConfig config = BinanceConfig.load(shipped);

        assertThat(Files.exists(shipped)).isTrue();
        assertThat(config.production()).isEqualTo(BinanceEndpoints.PRODUCTION);
        assertThat(config.testnet()).isEqualTo(BinanceEndpoints.TESTNET);
    }

    /** The loader passes a YAML list on; one market in it is an account of that market, two are explained. */
    @Test
    void aMarketsListIsReadFromTheAccountsFileAndBothMarketsInOneEntryAreExplained() throws Exception {
        Placeholders.useEnvironment(env);
        Path file = Files.writeString(dir.resolve("accounts.yaml"), """
                accounts:
                  - id: bn-futures
                    broker: binance
                    api_key: ${BN_KEY}
                    api_secret: ${BN_SECRET}
                    markets: [usdm]
                    leverage: 3
                  - id: bn-seed
                    broker: binance
                    api_key: ${BN_KEY}
                    api_secret: ${BN_SECRET}
                    spot_enabled: false
                    futures_enabled: true
                  - id: bn-main
                    broker: binance
                    api_key: ${BN_KEY}
                    api_secret: ${BN_SECRET}
                    markets: [spot, usdm]
                """);
        var entries = ConfigFiles.accounts(file).accounts();
        BinanceBrokerFactory factory = new BinanceBrokerFactory();

        BrokerPort futures = factory.create(entries.get(0).broker(), dir);
        BrokerPort seed = factory.create(entries.get(1).broker(), dir);

        assertThat(futures.info().venue()).isEqualTo("BINANCE-USDM");
        assertThat(futures.sellsShort()).isTrue();
        assertThat(seed.info().venue()).isEqualTo("BINANCE-USDM");
        assertThatThrownBy(() -> factory.create(entries.get(2).broker(), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account bn-main: trades spot and usdm")
                .hasMessageContaining("- id: bn-main-usdm")
                .hasMessageContaining("markets: usdm")
                .hasMessageContaining("routing.strategies.<name>: bn-main-usdm");
    }
}
