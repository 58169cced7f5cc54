package dev.stratc.brokers.binance.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceHistoryTest {

    @Test
    void theRealEthCandlesComeBackAsBarsStampedWithTheirEnd() throws Exception {
        try (MockRig rig = new MockRig();
                BinanceHistory history = new BinanceHistory(rig.exchange.restUrl(), rig.clock, rig.clock)) {
            long from = 1678730400000L;
            List<Integer> progress = new ArrayList<>();

            Bars bars = history.fetch("ETHUSDT", "5m", from, from + 2 * 24 * 3_600_000L, progress::add);

            assertThat(bars.size()).isGreaterThan(500);
            assertThat(bars.market()).isEqualTo(Market.BINANCE);
            assertThat(bars.timeframe()).isEqualTo(Duration.ofMinutes(5));
            assertThat(bars.time(0)).isEqualTo(from + 300_000);
            assertThat(bars.open(0)).isEqualTo(1673.58);
            assertThat(bars.close(0)).isEqualTo(1672.99);
            assertThat(bars.volume(0)).isEqualTo(65.3033);
            assertThat(progress).last().isEqualTo(bars.size());
        }
    }

    @Test
    void aMonthlyIntervalIsRefusedWithWhatToDoInstead() {
        assertThatThrownBy(() -> BinanceHistory.intervalLength("1M")).hasMessageContaining("fetch 1d");
        assertThatThrownBy(() -> BinanceHistory.intervalLength("2m")).hasMessageContaining("1s 1m 3m");
    }
}
