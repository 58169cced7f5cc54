package dev.stratc.brokers.binance.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.rest.Sleeper;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code stratc data fetch binance --market usdm}: USDⓈ-M klines from {@code /fapi/v1/klines} of the mock, paged
 * 1000 at a time on the futures weight budget (5 a page), stored as market {@code binance-usdm}.
 */
class UsdmHistoryTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void futuresKlinesArePagedFromTheFuturesEndpointIntoBinanceUsdmBars() throws Exception {
        long first = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        try (MockBinance exchange = new MockBinance(Clock.systemUTC())) {
            exchange.addFuturesKlines("BTCUSDT", "1h", first, 2500);
            int spotWeight = exchange.usedWeight();

            Bars bars;
            try (BinanceHistory history = new BinanceHistory(exchange.restUrl(), true, Clock.systemUTC(), Sleeper.system())) {
                bars = history.fetch("BTCUSDT", "1h", first, first + 2500 * HOUR, n -> { });
            }

            assertThat(bars.market()).isEqualTo(Market.BINANCE_USDM);
            assertThat(bars.size()).isEqualTo(2500);
            // each bar is stamped with its end; the 2500th candle's close tells no page was lost or repeated
            assertThat(bars.time(0)).isEqualTo(first + HOUR);
            assertThat(bars.close(0)).isEqualTo(30000);
            assertThat(bars.close(2499)).isEqualTo(32499);
            assertThat(exchange.futuresUsedWeight()).isEqualTo(3 * 5);
            assertThat(exchange.usedWeight()).isEqualTo(spotWeight);
        }
    }

    /** The funding-rate history, paged 1000 at a time from /fapi/v1/fundingRate, in percent, none lost or repeated. */
    @Test
    void theFundingRateHistoryIsPagedFromTheFuturesEndpointInPercent() throws Exception {
        long first = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        String[] rates = new String[2100];
        for (int k = 0; k < rates.length; k++) {
            rates[k] = k % 2 == 0 ? "0.00010000" : "-0.00002500";
        }
        rates[2099] = "0.00075000";
        try (MockBinance exchange = new MockBinance(Clock.systemUTC())) {
            exchange.addFundingHistory("BTCUSDT", first, rates);
            java.util.SortedMap<Long, Double> series;
            try (BinanceHistory history = new BinanceHistory(exchange.restUrl(), true, Clock.systemUTC(), Sleeper.system())) {
                series = history.fundingRates("BTCUSDT", first, first + 2100 * 8 * HOUR);
            }

            assertThat(series).hasSize(2100);
            assertThat(series.firstKey()).isEqualTo(first + 3);
            assertThat(series.get(first + 3)).isEqualTo(0.01);
            assertThat(series.get(first + 8 * HOUR + 3)).isEqualTo(-0.0025);
            assertThat(series.get(series.lastKey())).isEqualTo(0.075);
            assertThat(exchange.futuresUsedWeight()).as("three pages of weight 1").isEqualTo(3);
        }
    }
}
