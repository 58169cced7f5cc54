package dev.stratc.indicators.korea;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed from the KRX table (unified since 2023-01-25) and KIS's documented limit example. */
class KrxPricesTest {

    @ParameterizedTest(name = "tick at {0} KRW is {1}")
    @CsvSource({"1, 1", "1999, 1", "2000, 5", "4995, 5", "5000, 10", "19990, 10", "20000, 50", "49950, 50",
            "50000, 100", "199900, 100", "200000, 500", "499500, 500", "500000, 1000", "1250000, 1000"})
    void tickSizeFollowsTheTable(double price, double tick) {
        assertThat(KrxPrices.tickSize(price)).isEqualTo(tick);
    }

    @Test
    void noTickForPricesThatAreNotPositive() {
        assertThat(KrxPrices.tickSize(0)).isNaN();
        assertThat(KrxPrices.tickSize(-100)).isNaN();
        assertThat(KrxPrices.tickSize(Double.NaN)).isNaN();
    }

    @Test
    void limitsOfKisDocumentedExample() {
        // stck_sdpr 128500 -> stck_mxpr 167000, stck_llam 90000
        assertThat(KrxPrices.upperLimit(128_500)).isEqualTo(167_000);
        assertThat(KrxPrices.lowerLimit(128_500)).isEqualTo(90_000);
    }

    @ParameterizedTest(name = "base {0}: {1} .. {2}")
    @CsvSource({
        "10000, 13000, 7000", // exact multiples stay
        "1999, 2595, 1400", // 2598.7 down to a 5 KRW tick; 1399.3 up to a 1 KRW tick
        "3850, 5000, 2695", // 5005 is in the 10 KRW tier; 2695 is a valid 5 KRW price
        "50000, 65000, 35000",
        "71300, 92600, 49950", // 92690 down to 100; 49910 up to a 50 KRW tick
        "400000, 520000, 280000"})
    void limitsAreThirtyPercentSnappedInward(double base, double upper, double lower) {
        assertThat(KrxPrices.upperLimit(base)).isEqualTo(upper);
        assertThat(KrxPrices.lowerLimit(base)).isEqualTo(lower);
    }
}
