package dev.stratc.brokers.binance.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.order.NewOrder;
import dev.stratc.brokers.binance.order.NewOrder.Side;
import dev.stratc.brokers.binance.order.NewOrder.TimeInForce;
import java.io.InputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderQuantizerTest {
    private static ExchangeInfo info;

    @BeforeAll
    static void readExchangeInfo() throws Exception {
        try (InputStream in = OrderQuantizerTest.class.getResourceAsStream("/binance/exchangeInfo.json")) {
            info = ExchangeInfo.parse(new ObjectMapper().readTree(in));
        }
    }

    private static SymbolRules btc() {
        return info.rules("BTCUSDT").orElseThrow();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void exchangeInfoIsReadWithItsFiltersAndLimits() {
        SymbolRules btc = btc();
        assertThat(btc.priceFilter().tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.lotSize().stepSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.marketLotSize().maxQty()).isEqualByComparingTo("86.52347987");
        assertThat(btc.notional().minNotional()).isEqualByComparingTo("5");
        assertThat(info.rules("ETHUSDT").orElseThrow().notional().filterType()).isEqualTo("MIN_NOTIONAL");
        assertThat(info.rateLimits()).isEqualTo(new ExchangeInfo.RateLimitRules(6000, 100, 200_000));
    }

    @Test
    void quantityIsFlooredToTheStepAndPriceRoundedToTheTickOnThePassiveSide() {
        NewOrder buy = NewOrder.limit("BTCUSDT", Side.BUY, d("0.123456789"), d("30000.129"), TimeInForce.GTC, "b1");
        NewOrder sell = NewOrder.limit("BTCUSDT", Side.SELL, d("0.123456789"), d("30000.121"), TimeInForce.GTC, "s1");

        NewOrder b = OrderQuantizer.apply(buy, btc(), null);
        NewOrder s = OrderQuantizer.apply(sell, btc(), null);

        assertThat(b.quantity()).isEqualByComparingTo("0.12345");
        assertThat(b.price()).isEqualByComparingTo("30000.12");
        assertThat(s.price()).isEqualByComparingTo("30000.13");
        assertThat(b.quantity().remainder(d("0.00001"))).isZero();
    }

    @Test
    void stopPricesGoToTheNearestTick() {
        NewOrder stop = NewOrder.stopLossLimit("BTCUSDT", Side.SELL, d("0.01"), d("29000.004"), d("29100.005"), "st");

        NewOrder q = OrderQuantizer.apply(stop, btc(), null);

        assertThat(q.stopPrice()).isEqualByComparingTo("29100.01");
        assertThat(q.price()).isEqualByComparingTo("29000.01");
    }

    @Test
    void aQuantityBelowTheLotIsRefusedNamingTheFilterAndNumbers() {
        NewOrder tiny = NewOrder.limit("BTCUSDT", Side.BUY, d("0.000004"), d("30000"), TimeInForce.GTC, "t1");

        assertThatThrownBy(() -> OrderQuantizer.apply(tiny, btc(), null))
                .isInstanceOf(FilterViolation.class)
                .hasMessage("BTCUSDT BUY LIMIT refused: LOT_SIZE: quantity 0.000004 (0 on the step 0.00001) is below minQty 0.00001")
                .extracting(e -> ((FilterViolation) e).filterType()).isEqualTo("LOT_SIZE");
    }

    @Test
    void aSmallNotionalIsRefusedWithTheProduct() {
        NewOrder small = NewOrder.limit("BTCUSDT", Side.BUY, d("0.0001"), d("30000"), TimeInForce.GTC, "n1");

        assertThatThrownBy(() -> OrderQuantizer.apply(small, btc(), null))
                .hasMessage("BTCUSDT BUY LIMIT refused: NOTIONAL: notional 0.0001 × 30000 = 3 is below minNotional 5");
    }

    @Test
    void marketOrdersAreJudgedAtTheReferencePriceAndByMarketLotSize() {
        NewOrder market = NewOrder.market("BTCUSDT", Side.BUY, d("100"), "m1");
        assertThatThrownBy(() -> OrderQuantizer.apply(market, btc(), d("30000")))
                .hasMessageContaining("MARKET_LOT_SIZE: quantity 100 is above maxQty 86.52347987");

        NewOrder tooSmall = NewOrder.market("BTCUSDT", Side.BUY, d("0.0001"), "m2");
        assertThatThrownBy(() -> OrderQuantizer.apply(tooSmall, btc(), d("30000"))).hasMessageContaining("NOTIONAL");
        assertThat(OrderQuantizer.apply(tooSmall, btc(), null).quantity()).isEqualByComparingTo("0.0001");
    }

    @Test
    void quoteOrderQtyMustReachTheMinimumNotional() {
        NewOrder spend4 = NewOrder.marketQuote("BTCUSDT", Side.BUY, d("4"), "q1");

        assertThatThrownBy(() -> OrderQuantizer.apply(spend4, btc(), null))
                .hasMessage("BTCUSDT BUY MARKET refused: NOTIONAL: notional 4 is below minNotional 5");
        assertThat(OrderQuantizer.apply(NewOrder.marketQuote("BTCUSDT", Side.BUY, d("25"), "q2"), btc(), null)
                .quoteOrderQty()).isEqualByComparingTo("25");
    }

    @Test
    void theOlderMinNotionalFilterIsAppliedWhereNotionalIsAbsent() {
        NewOrder eth = NewOrder.limit("ETHUSDT", Side.SELL, d("0.002"), d("1800"), TimeInForce.GTC, "e1");

        assertThatThrownBy(() -> OrderQuantizer.apply(eth, info.rules("ETHUSDT").orElseThrow(), null))
                .hasMessageContaining("MIN_NOTIONAL: notional 0.002 × 1800 = 3.6 is below minNotional 5");
    }

    @Test
    void aHaltedSymbolIsRefusedBeforeSending() {
        NewOrder bnb = NewOrder.limit("BNBBTC", Side.BUY, d("1"), d("0.01"), TimeInForce.GTC, "h1");

        assertThatThrownBy(() -> OrderQuantizer.apply(bnb, info.rules("BNBBTC").orElseThrow(), null))
                .hasMessageContaining("status is HALT, not TRADING");
    }

    @Test
    void aPriceAboveTheMaximumIsRefused() {
        NewOrder high = NewOrder.limit("BTCUSDT", Side.SELL, d("0.001"), d("2000000"), TimeInForce.GTC, "p1");

        assertThatThrownBy(() -> OrderQuantizer.apply(high, btc(), null))
                .hasMessageContaining("PRICE_FILTER: price 2000000 is above maxPrice 1000000");
    }

    @Test
    void ordersMissingWhatTheirTypeNeedsCannotBeBuilt() {
        assertThatThrownBy(() -> new NewOrder("BTCUSDT", Side.BUY, NewOrder.Type.LIMIT, TimeInForce.GTC, d("1"), null,
                null, null, "x")).hasMessageContaining("LIMIT needs a price");
        assertThatThrownBy(() -> new NewOrder("BTCUSDT", Side.BUY, NewOrder.Type.MARKET, null, d("1"), d("10"),
                null, null, "x")).hasMessageContaining("either quantity or quoteOrderQty");
        assertThatThrownBy(() -> NewOrder.market("BTCUSDT", Side.BUY, d("1"), "has space"))
                .hasMessageContaining("clientOrderId");
    }

    @Test
    void aSellIsCappedAtWhatIsFreeAndFlooredToTheStep() {
        NewOrder exit = NewOrder.market("BTCUSDT", Side.SELL, d("0.01"), "x1");

        assertThat(OrderQuantizer.applySell(exit, btc(), d("0.00999"), d("30000")).quantity()).isEqualByComparingTo("0.00999");
        assertThat(OrderQuantizer.applySell(exit, btc(), d("0.009999999"), d("30000")).quantity()).isEqualByComparingTo("0.00999");
        assertThat(OrderQuantizer.applySell(exit, btc(), d("3"), d("30000")).quantity()).isEqualByComparingTo("0.01");
    }

    @Test
    void aWholeHoldingBelowTheLotOrTheNotionalIsDustAndAPartialSellIsNot() {
        NewOrder exit = NewOrder.market("BTCUSDT", Side.SELL, d("0.00001"), "x2");
        NewOrder limitExit = NewOrder.limit("BTCUSDT", Side.SELL, d("0.0001"), d("30000"), TimeInForce.GTC, "x3");

        assertThatThrownBy(() -> OrderQuantizer.applySell(exit, btc(), d("0.000009"), d("30000")))
                .isInstanceOfSatisfying(FilterViolation.class, v -> assertThat(v.filterType()).isEqualTo(OrderQuantizer.DUST))
                .hasMessageContaining("the 0.000009 BTC held is dust").hasMessageContaining("minQty 0.00001");
        assertThatThrownBy(() -> OrderQuantizer.applySell(limitExit, btc(), d("0.0001"), null))
                .isInstanceOfSatisfying(FilterViolation.class, v -> assertThat(v.filterType()).isEqualTo(OrderQuantizer.DUST))
                .hasMessageContaining("NOTIONAL: notional 0.0001 × 30000 = 3 is below minNotional 5")
                .hasMessageContaining("LOT_SIZE step 0.00001, minQty 0.00001");
        assertThatThrownBy(() -> OrderQuantizer.applySell(limitExit, btc(), d("1"), null))
                .isInstanceOfSatisfying(FilterViolation.class, v -> assertThat(v.filterType()).isEqualTo("NOTIONAL"))
                .hasMessageNotContaining("dust");
    }
}
