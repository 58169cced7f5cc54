package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker run takes the calendar, zone and lot rule of its accounts' market, not KRX for everything. */
class MarketRulesTest {
    @TempDir
    Path dir;

    private ConfigFiles.Accounts accounts(String... brokers) throws Exception {
        StringBuilder yaml = new StringBuilder("accounts:\n");
        for (int i = 0; i < brokers.length; i++) {
            yaml.append("  - id: ").append(brokers[i].toUpperCase()).append('_').append(i).append('\n')
                    .append("    broker: ").append(brokers[i]).append('\n')
                    .append("    environment: paper\n");
        }
        Path file = dir.resolve("accounts-" + String.join("-", brokers) + ".yaml");
        Files.writeString(file, yaml);
        return ConfigFiles.accounts(file);
    }

    @Test
    void binanceAccountsTradeAroundTheClockInUtcWithFractionalQuantities() throws Exception {
        MarketRules rules = MarketRules.of(accounts("binance", "binance"));
        assertThat(rules.calendar()).isEqualTo("CRYPTO");
        assertThat(rules.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(rules.quantityStep()).isLessThan(1e-6);
    }

    @Test
    void kisAccountsTradeKrxSessionsInSeoulInWholeShares() throws Exception {
        MarketRules rules = MarketRules.of(accounts("kis", "kis", "kis"));
        assertThat(rules).isEqualTo(MarketRules.KRX);
        assertThat(rules.withCalendar("CRYPTO")).as("a risk file may lift the session hours, not the zone or lot")
                .isEqualTo(new MarketRules("CRYPTO", ZoneId.of("Asia/Seoul"), 1));
    }

    @Test
    void aPoolMixingMarketsIsRefusedNamingItsAccounts() throws Exception {
        assertThatThrownBy(() -> MarketRules.of(accounts("kis", "binance")))
                .isInstanceOf(ConfigFiles.ConfigException.class)
                .hasMessageContaining("KIS_0 (kis)").hasMessageContaining("BINANCE_1 (binance)")
                .hasMessageContaining("two accounts files");
    }
}
