package dev.stratc.brokers.kis.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KrxSymbolTest {

    @ParameterizedTest
    @CsvSource({
            "005930, 005930",
            "A005930, 005930",      // the product prefix users copy from HTS
            "a005930, 005930",
            "' 005930 ', 005930",
            "0088M0, 0088M0",        // letters in new codes since 2024-01-01
            "00000A357880, 357880", // the 12-character padded form of account outputs
            "Q500001, Q500001"})    // ETNs keep their Q
    void normalizesTheFormsUsersAndKisOutputsCarry(String input, String code) {
        assertThat(KrxSymbol.normalize(input)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5930", "0059301", "00593!", "", "AAPL"})
    void refusesWhatIsNotAKrxCode(String input) {
        assertThatThrownBy(() -> KrxSymbol.normalize(input)).hasMessageContaining("'" + input + "' is not a KRX code");
    }

    @ParameterizedTest
    @CsvSource({
            "1999, 1", "2000, 5", "4995, 5", "5000, 10", "19990, 10", "20000, 50", "49950, 50", "50000, 100",
            "199900, 100", "200000, 500", "499500, 500", "500000, 1000"})
    void ticksFollowThe2023UnifiedTable(long price, long tick) {
        assertThat(KrxTick.tickSize(BigDecimal.valueOf(price), KrxTick.Kind.STOCK)).isEqualTo(tick);
        assertThat(KrxTick.tickSize(BigDecimal.valueOf(price), KrxTick.Kind.FUND)).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({
            "71234, true, 71200",   // a buy never pays more than asked
            "71234, false, 71300",  // a sell never takes less
            "19995, false, 20000",  // rounding up across a band lands on the next band's tick
            "4999, false, 5000",
            "70000, true, 70000"})
    void limitPricesRoundToTheTickInTheTradersFavour(String price, boolean buy, String expected) {
        assertThat(KrxTick.roundForOrder(new BigDecimal(price), buy, KrxTick.Kind.STOCK))
                .isEqualByComparingTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theDocumentedBandExampleIsPlusMinusThirtyPercentSnappedInward() {
        // KIS's inquire-price doc example: 기준가 128,500 → 상한가 167,000, 하한가 90,000.
        BigDecimal base = new BigDecimal("128500");
        BigDecimal upper = KrxTick.roundDown(base.multiply(new BigDecimal("1.3")), KrxTick.Kind.STOCK);
        BigDecimal lower = KrxTick.roundUp(base.multiply(new BigDecimal("0.7")), KrxTick.Kind.STOCK);
        assertThat(upper).isEqualByComparingTo("167000");
        assertThat(lower).isEqualByComparingTo("90000");
    }
}
