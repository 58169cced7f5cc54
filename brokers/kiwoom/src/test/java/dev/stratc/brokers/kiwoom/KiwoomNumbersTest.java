package dev.stratc.brokers.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The encodings, with the examples of the reference (shared/refs/kiwoom-api.md §0, §3, §4). */
class KiwoomNumbersTest {

    @Test
    void aPriceSignIsTheDirectionNotANegativeValue() {
        assertThat(KiwoomNumbers.price("-78800")).isEqualByComparingTo("78800"); // minute bar cur_prc, down day
        assertThat(KiwoomNumbers.price("-78850")).isEqualByComparingTo("78850");
        assertThat(KiwoomNumbers.price("70100")).isEqualByComparingTo("70100");
        assertThat(KiwoomNumbers.price("+20800")).isEqualByComparingTo("20800");
        assertThat(KiwoomNumbers.direction("-78800")).isEqualTo(-1);
        assertThat(KiwoomNumbers.direction("+600")).isEqualTo(1);
        assertThat(KiwoomNumbers.direction("70100")).isZero();
    }

    @Test
    void changesAndProfitsKeepTheirRealSign() {
        assertThat(KiwoomNumbers.signed("+600")).isEqualByComparingTo("600");
        assertThat(KiwoomNumbers.signed("-52.71")).isEqualByComparingTo("-52.71");
        assertThat(KiwoomNumbers.signed("-00000000196888")).isEqualByComparingTo("-196888"); // kt00018 evltv_prft
        assertThat(KiwoomNumbers.signed("--123")).isEqualByComparingTo("-123");
        assertThat(KiwoomNumbers.signed("+-5")).isEqualByComparingTo("-5");
    }

    @Test
    void zeroPaddedNumbersAndEmptyStrings() {
        assertThat(KiwoomNumbers.quantity("000000000000003")).isEqualTo(3); // kt00018 rmnd_qty
        assertThat(KiwoomNumbers.signed("000000025789890")).isEqualByComparingTo("25789890");
        assertThat(KiwoomNumbers.price("000075000")).isEqualByComparingTo("75000"); // condition search, 9 wide
        assertThat(KiwoomNumbers.signed("-00000100")).isEqualByComparingTo("-100");
        assertThat(KiwoomNumbers.signed("")).isEqualByComparingTo(BigDecimal.ZERO); // ord_uv of a market order
        assertThat(KiwoomNumbers.signed(null)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> KiwoomNumbers.signed("12a")).isInstanceOf(KiwoomException.class)
                .hasMessageContaining("'12a'");
    }

    @Test
    void stockCodesLoseTheirPrefixAndExchangeSuffix() {
        assertThat(KiwoomNumbers.code("A005930")).isEqualTo("005930");
        assertThat(KiwoomNumbers.code("005930")).isEqualTo("005930");
        assertThat(KiwoomNumbers.code("005930_NX")).isEqualTo("005930");
        assertThat(KiwoomNumbers.code("005930_AL")).isEqualTo("005930");
        assertThat(KiwoomNumbers.code(" A0088M0 ")).isEqualTo("0088M0");
        assertThat(KiwoomNumbers.isKrxCode("0088M0")).isTrue();
        assertThat(KiwoomNumbers.isKrxCode("A005930")).isFalse();
    }

    @Test
    void orderNumbersStayStrings() {
        assertThat(KiwoomNumbers.orderNo("0000138")).isEqualTo("0000138");
        assertThat(KiwoomNumbers.orderNo(" 00024 ")).isEqualTo("00024");
    }

    @Test
    void theDetailedCodeComesFromTheBrackets() {
        assertThat(KiwoomException.detailCode(5,
                "허용된 요청 개수를 초과하였습니다[1700:허용된 API 요청 개수를 초과하였습니다. 유량=1]")).isEqualTo(1700);
        assertThat(KiwoomException.detailCode(5, "[1634:100개 초과]")).isEqualTo(1634);
        assertThat(KiwoomException.detailCode(1700, "")).isEqualTo(1700); // a fixture sends the code itself
        assertThat(KiwoomJson.returnCode(KiwoomJson.parse("{\"return_code\":\"1700\"}"))).isEqualTo(1700);
        assertThat(KiwoomJson.returnCode(KiwoomJson.parse("{\"return_code\":0}"))).isZero();
        assertThat(new KiwoomException("x", 200, 5, 1700, null).isRateLimited()).isTrue();
        assertThat(new KiwoomException("x", 200, 5, 1634, null).isRateLimited())
                .as("1634 is a batch-size limit, not a rate limit").isFalse();
    }
}
