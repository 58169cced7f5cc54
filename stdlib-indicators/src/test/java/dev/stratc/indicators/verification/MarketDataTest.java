package dev.stratc.indicators.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The data sets are read as ta4j-examples reads them (the counts its loaders give, first bars as documented). */
class MarketDataTest {

    @Test
    void bitstampTradesMakeTheExamplesFiveMinuteBars() {
        MarketData.Bars bars = MarketData.bitstamp();
        assertThat(bars.size()).isEqualTo(1916);
        assertThat(bars.time()[0]).isEqualTo(1385337600_000L + 300_000);
        double classified = 0;
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.buyVolume()[i] + bars.sellVolume()[i]).isCloseTo(bars.volume()[i],
                    org.assertj.core.data.Offset.offset(1e-9));
            classified += bars.volume()[i];
        }
        assertThat(classified).isPositive();
    }

    @Test
    void appleAndEthHaveTheirDocumentedBars() {
        MarketData.Bars apple = MarketData.all().get(1);
        MarketData.Bars eth = MarketData.all().get(2);
        assertThat(apple.size()).isEqualTo(252);
        assertThat(apple.close()[0]).isEqualTo(549.03);
        assertThat(eth.size()).isEqualTo(580);
        assertThat(eth.open()[0]).isEqualTo(1673.58);
        assertThat(eth.volume()[0]).isEqualTo(65.3033);
    }
}
