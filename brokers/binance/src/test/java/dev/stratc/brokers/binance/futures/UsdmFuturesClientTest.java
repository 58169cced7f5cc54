package dev.stratc.brokers.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.OrderLimiter;
import dev.stratc.brokers.binance.rest.OrderState;
import dev.stratc.brokers.binance.sign.HmacKey;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** USDⓈ-M futures against the mock: leverage, a long opened and reduced, a resting order cancelled, refusals. */
class UsdmFuturesClientTest {
    private MockRig rig;
    private UsdmFuturesClient futures;

    @BeforeEach
    void setUp() {
        rig = new MockRig();
        rig.exchange.setFuturesWallet(MockBinance.DOC_API_KEY, "1000");
        futures = new UsdmFuturesClient(rig.rest, new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET),
                new OrderLimiter("main-futures", 300, 200_000, rig.clock, rig.clock));
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aLeveragedLongIsOpenedReportedAndReduced() {
        assertThat(futures.setLeverage("BTCUSDT", 10)).isEqualTo(10);

        OrderState opened = futures.placeOrder(FuturesOrder.market("BTCUSDT", FuturesOrder.Side.BUY, d("0.2"), false, "f-open"));

        assertThat(opened.status()).isEqualTo("FILLED");
        assertThat(opened.executedQty()).isEqualByComparingTo("0.2");
        assertThat(futures.positions("BTCUSDT")).singleElement().satisfies(p -> {
            assertThat(p.positionAmt()).isEqualByComparingTo("0.2");
            assertThat(p.entryPrice()).isEqualByComparingTo("30000.50");
        });

        futures.placeOrder(FuturesOrder.market("BTCUSDT", FuturesOrder.Side.SELL, d("0.05"), true, "f-reduce"));
        assertThat(futures.positions(null)).singleElement()
                .satisfies(p -> assertThat(p.positionAmt()).isEqualByComparingTo("0.15"));
        assertThat(rig.exchange.errorCodesSent()).isEmpty();
    }

    @Test
    void aRestingLimitOrderIsCancelledByItsClientId() {
        OrderState resting = futures.placeOrder(FuturesOrder.limit("BTCUSDT", FuturesOrder.Side.BUY, d("0.01"), d("25000"), "f-rest"));
        assertThat(resting.status()).isEqualTo("NEW");

        assertThat(futures.cancelOrder("BTCUSDT", "f-rest").status()).isEqualTo("CANCELED");
        assertThat(futures.positions(null)).isEmpty();
    }

    @Test
    void refusalsCarryBinancesCodes() {
        assertThatThrownBy(() -> futures.placeOrder(FuturesOrder.market("BTCUSDT", FuturesOrder.Side.SELL, d("0.1"), true, "f-ro")))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.code()).isEqualTo(-2022));
        assertThatThrownBy(() -> futures.placeOrder(FuturesOrder.market("BTCUSDT", FuturesOrder.Side.BUY, d("5"), false, "f-big")))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.binanceMessage()).isEqualTo("Margin is insufficient."));
        assertThatThrownBy(() -> futures.setLeverage("BTCUSDT", 200)).hasMessageContaining("1 to 125");
        assertThat(rig.exchange.restRequests()).isEqualTo(2);
    }
}
