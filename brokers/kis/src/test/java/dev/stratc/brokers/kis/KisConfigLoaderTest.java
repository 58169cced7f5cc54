package dev.stratc.brokers.kis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KisConfigLoaderTest {

    /** The sample shipped in config/ is read as users will read it. */
    private static final Path SAMPLE = Path.of("../../config/brokers/kis.yaml");

    private static final Map<String, String> ENV = Map.of(
            "KIS_PAPER_APP_KEY", "pk", "KIS_PAPER_APP_SECRET", "ps", "KIS_PAPER_ACCOUNT", "50012345-01",
            "KIS_HTS_ID", "trader1",
            "KIS_APP_KEY_1", "k1", "KIS_APP_SECRET_1", "s1", "KIS_ACCOUNT_1", "6001234501",
            "KIS_APP_KEY_2", "k2", "KIS_APP_SECRET_2", "s2", "KIS_ACCOUNT_2", "70012345-01");

    @Test
    void theSampleConfigurationReadsWithEnvironmentVariables() {
        List<KisAccountConfig> accounts = new KisConfigLoader(ENV).load(SAMPLE);
        assertThat(accounts).extracting(KisAccountConfig::id).containsExactly("kis-paper", "kis-main", "kis-scan");
        KisAccountConfig paper = accounts.get(0);
        assertThat(paper.mode()).isEqualTo(KisMode.PAPER);
        assertThat(paper.endpoints()).isEqualTo(KisEndpoints.defaults(KisMode.PAPER));
        assertThat(paper.requestsPerSecond()).isEqualTo(1.9);
        assertThat(paper.noticeTrId()).isEqualTo("H0STCNI9");
        assertThat(accounts.get(1).account().toString()).isEqualTo("60012345-01");
        assertThat(accounts.get(1).credentials().toString()).doesNotContain("k1").doesNotContain("s1");
    }

    @Test
    void aMissingVariableNamesItselfAndTheAccount() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.remove("KIS_APP_SECRET_1");
        assertThatThrownBy(() -> new KisConfigLoader(env).load(SAMPLE))
                .hasMessageContaining("account kis-main: 'app-secret' needs the environment variable KIS_APP_SECRET_1");
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
