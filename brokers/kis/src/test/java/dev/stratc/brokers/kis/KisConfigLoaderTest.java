package dev.stratc.brokers.kis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.kis.auth.TokenCache;
import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerInfo;
import dev.stratc.runtime.broker.Placeholders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KisConfigLoaderTest {

    /** The sample shipped in config/ is read as users will read it. */
    private static final Path SAMPLE = Path.of("../../config/brokers/kis.yaml");

    private static final Map<String, String> ENV = Map.of(
            "KIS_PAPER_APP_KEY", "pk", "KIS_PAPER_APP_SECRET", "ps", "KIS_PAPER_ACCOUNT", "50012345-01",
            "KIS_HTS_ID", "trader1",
            "KIS_APP_KEY_1", "k1", "KIS_APP_SECRET_1", "s1", "KIS_ACCOUNT_1", "6001234501",
            "KIS_APP_KEY_2", "k2", "KIS_APP_SECRET_2", "s2", "KIS_ACCOUNT_2", "70012345-01");

    @TempDir
    Path state;

    @AfterEach
    void restoreEnvironment() {
        Placeholders.useProcessEnvironment();
    }

    @Test
    void theSampleConfigurationReadsWithEnvironmentVariables() {
        Placeholders.useEnvironment(ENV);
        List<KisAccountConfig> accounts = KisConfigLoader.load(SAMPLE);
        assertThat(accounts).extracting(KisAccountConfig::id).containsExactly("kis-paper", "kis-main", "kis-scan");
        KisAccountConfig paper = accounts.get(0);
        assertThat(paper.mode()).isEqualTo(KisMode.PAPER);
        assertThat(paper.endpoints()).isEqualTo(KisEndpoints.defaults(KisMode.PAPER));
        assertThat(paper.requestsPerSecond()).as("KIS's limit; the limiter keeps its margin").isEqualTo(2.0);
        assertThat(paper.noticeTrId()).isEqualTo("H0STCNI9");
        assertThat(paper.htsId()).isEqualTo("trader1");
        assertThat(accounts.get(1).mode()).isEqualTo(KisMode.REAL);
        assertThat(accounts.get(1).account().plain()).isEqualTo("60012345-01");
        // messages and logs show the number and the HTS ID masked, the config's toString too
        assertThat(accounts.get(1).account().toString()).isEqualTo("*******5-01");
        assertThat(accounts.get(1).toString()).doesNotContain("60012345").doesNotContain("trader1")
                .contains("*******5-01");
        assertThat(accounts.get(1).credentials().toString()).doesNotContain("k1").doesNotContain("s1");
    }

    @Test
    void aMissingVariableNamesItselfAndTheAccount() {
        Map<String, String> env = new HashMap<>(ENV);
        env.remove("KIS_APP_SECRET_1");
        Placeholders.useEnvironment(env);
        assertThatThrownBy(() -> KisConfigLoader.load(SAMPLE))
                .hasMessageContaining("kis-main.app_secret")
                .hasMessageContaining("KIS_APP_SECRET_1 is not set");
    }

    @Test
    void theRuntimeFindsTheFactoryAndAnAccountsYamlEntryBuildsAnUnstartedBroker() {
        Placeholders.useEnvironment(ENV);
        BrokerFactory factory = ServiceLoader.load(BrokerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("kis")).findFirst().orElseThrow();
        BrokerAccount entry = new BrokerAccount("kis-main", "kis", "live", Map.of("app_key", "${KIS_APP_KEY_1}",
                "app_secret", "${KIS_APP_SECRET_1}", "account_number", "${KIS_ACCOUNT_1}", "hts_id", "trader1",
                "rest_url", "http://127.0.0.1:9", "requests_per_second", "5"));
        KisBroker broker = (KisBroker) factory.create(entry, state);
        KisAccountConfig config = broker.session().config();
        assertThat(config.endpoints().restBaseUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(config.endpoints().webSocketUrl()).isEqualTo(KisEndpoints.defaults(KisMode.REAL).webSocketUrl());
        // the same token cache as `stratc data fetch kis` (KisConfigLoader), so a run reuses a fetch's token
        assertThat(config.tokenCacheDir()).isEqualTo(TokenCache.defaultDirectory());
        assertThat(config.requestsPerSecond()).isEqualTo(5);
        assertThat(broker.info().environment()).isEqualTo(BrokerInfo.Environment.LIVE);
        assertThat(broker.info().quoteBatchSize()).isEqualTo(30);
        assertThat(broker.info().maxSubscriptions()).as("41 slots, one for the notices of hts_id").isEqualTo(40);
    }

    @Test
    void feesDefaultToTheBacktestsKrxCostsAndABadRateNamesTheAccountAndTheKey() {
        Map<String, String> keys = Map.of("app_key", "x", "app_secret", "y", "account_number", "12345678-01");
        KisFees fees = KisSettings.toConfig(new BrokerAccount("a", "kis", "paper", keys), state).fees();
        assertThat(fees.commissionPercent()).isEqualTo(0.015);
        assertThat(fees.sellTaxPercent()).isEqualTo(0.20);
        assertThat(fees.of(1_000_000, false)).isCloseTo(150, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(fees.of(1_000_000, true)).isCloseTo(150 + 2_000, org.assertj.core.api.Assertions.within(1e-9));

        Map<String, String> written = new HashMap<>(keys);
        written.put("commission_percent", "0.0140527");
        written.put("sell_tax_percent", "0.18%");
        KisFees set = KisSettings.toConfig(new BrokerAccount("a", "kis", "paper", written), state).fees();
        assertThat(set).isEqualTo(new KisFees(0.0140527, 0.18));

        for (Map.Entry<String, String> bad : List.of(Map.entry("commission_percent", "cheap"),
                Map.entry("sell_tax_percent", "-0.2"), Map.entry("commission_percent", "15"))) {
            Map<String, String> wrong = new HashMap<>(keys);
            wrong.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> KisSettings.toConfig(new BrokerAccount("kis-main", "kis", "live", wrong), state))
                    .isInstanceOf(KisException.class)
                    .hasMessageStartingWith("KIS account kis-main: " + bad.getKey() + " must be");
        }
        BrokerFactory factory = ServiceLoader.load(BrokerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("kis")).findFirst().orElseThrow();
        assertThat(factory.settingKeys()).contains("commission_percent", "sell_tax_percent");
    }

    @Test
    void aRunStartedRightAfterADataFetchUsesTheFetchsTokenInsteadOfWaitingOutKissMinute() throws Exception {
        // both commands default to the same cache; here both name one directory, as the default does for both
        assertThat(KisSettings.toConfig(new BrokerAccount("a", "kis", "paper", Map.of("app_key", "x",
                "app_secret", "y", "account_number", "12345678-01")), TokenCache.defaultDirectory()).tokenCacheDir())
                .isEqualTo(TokenCache.defaultDirectory());
        try (dev.stratc.brokers.kis.mock.MockKis kis = new dev.stratc.brokers.kis.mock.MockKis()) {
            dev.stratc.brokers.kis.mock.MockPaperAccount.open(kis, 1_000_000);
            kis.addSymbol("005930", "삼성전자", 70_000);
            Placeholders.useEnvironment(dev.stratc.brokers.kis.mock.MockPaperAccount.environment());
            Path tokens = state.resolve("tokens");
            Path fetchConfig = java.nio.file.Files.writeString(state.resolve("kis.yaml"), """
                    kis:
                      accounts:
                        - id: kis-paper
                          environment: paper
                          app_key: ${KIS_APP_KEY}
                          app_secret: ${KIS_APP_SECRET}
                          account_number: ${KIS_ACCOUNT}
                          rest_url: %s
                          token_cache_dir: %s
                    """.formatted(kis.restUrl(), tokens));
            // `stratc data fetch kis`
            KisSession fetch = KisSession.open(KisConfigLoader.load(fetchConfig).getFirst());
            fetch.quotations().price("005930");
            assertThat(kis.tokensIssued(dev.stratc.brokers.kis.mock.MockPaperAccount.APP_KEY)).isOne();

            // `stratc run` seconds later, on the same key: the factory's broker signs in with the cached token
            BrokerFactory factory = ServiceLoader.load(BrokerFactory.class).stream()
                    .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("kis")).findFirst().orElseThrow();
            BrokerAccount entry = new BrokerAccount("KIS_PAPER", "kis", "paper", Map.of("app_key", "${KIS_APP_KEY}",
                    "app_secret", "${KIS_APP_SECRET}", "account_number", "${KIS_ACCOUNT}", "rest_url",
                    kis.restUrl(), "ws_url", kis.webSocketUrl(), "token_cache_dir", tokens.toString()));
            KisBroker run = (KisBroker) factory.create(entry, state.resolve("run"));
            long started = System.nanoTime();
            run.start(new dev.stratc.runtime.broker.BrokerListener() {
                @Override
                public void onOrderEvent(dev.stratc.runtime.broker.OrderEvent event) {
                }

                @Override
                public void onMarketEvent(dev.stratc.runtime.market.MarketEvent event) {
                }

                @Override
                public void onConnection(boolean up, String detail) {
                }
            });
            try {
                assertThat(run.balances()).isNotEmpty();
            } finally {
                run.stop();
            }
            assertThat(kis.tokensIssued(dev.stratc.brokers.kis.mock.MockPaperAccount.APP_KEY)).isOne();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(kis.violations()).isEmpty();
        }
    }

    @Test
    void aBadEnvironmentOrAccountNumberNamesTheAccount() {
        BrokerAccount entry = new BrokerAccount("kis-x", "kis", "demo", Map.of());
        assertThatThrownBy(() -> KisSettings.toConfig(entry, state))
                .hasMessage("KIS account kis-x: environment must be 'paper' or 'live', was 'demo'");
        Placeholders.useEnvironment(Map.of("KIS_ACCOUNT_1", "98765432-1X"));
        BrokerAccount badNumber = new BrokerAccount("kis-y", "kis", "paper",
                Map.of("app_key", "a", "app_secret", "b", "account_number", "${KIS_ACCOUNT_1}"));
        assertThatThrownBy(() -> KisSettings.toConfig(badNumber, state))
                .hasMessage("KIS account kis-y: account_number (from ${KIS_ACCOUNT_1}): '*******2-1X' (11 characters,"
                        + " masked) is not a KIS account number; expected 8 digits, a dash and the 2-digit product"
                        + " code, such as 12345678-01; set it to the number of the account, as KIS's web page shows"
                        + " it")
                .message().doesNotContain("98765432");
    }

    @Test
    void paperAndRealTrIdsFollowKisRules() {
        assertThat(KisMode.PAPER.trId("TTTC0012U")).isEqualTo("VTTC0012U");
        assertThat(KisMode.PAPER.trId("CTSC9215R")).isEqualTo("VTSC9215R");
        assertThat(KisMode.PAPER.trId("TTTT1006U")).isEqualTo("VTTT1001U"); // the one exception
        assertThat(KisMode.PAPER.trId("FHKST01010100")).isEqualTo("FHKST01010100");
        assertThat(KisMode.REAL.trId("TTTC0011U")).isEqualTo("TTTC0011U");
    }
}
