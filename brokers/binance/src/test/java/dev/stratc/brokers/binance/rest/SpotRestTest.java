package dev.stratc.brokers.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.filters.FilterViolation;
import dev.stratc.brokers.binance.filters.OrderQuantizer;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.brokers.binance.order.NewOrder;
import dev.stratc.brokers.binance.order.NewOrder.Side;
import dev.stratc.brokers.binance.order.NewOrder.TimeInForce;
import dev.stratc.brokers.binance.sign.HmacKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against the mock exchange: orders, queries, errors, the clock and the rate limits. */
class SpotRestTest {
    private MockRig rig;
    private SpotAccountClient main;

    @BeforeEach
    void setUp() {
        rig = new MockRig();
        main = rig.mainAccount();
        rig.exchange.setBalance(MockBinance.DOC_API_KEY, "USDT", "10000");
        rig.exchange.setBalance(MockBinance.DOC_API_KEY, "BTC", "0.5");
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void everyOrderTypeIsPlacedWithOurClientIdAndSignedAsTheExchangeChecks() {
        OrderState market = main.placeOrder(NewOrder.market("BTCUSDT", Side.BUY, d("0.01"), "m-1"));
        OrderState byQuote = main.placeOrder(NewOrder.marketQuote("BTCUSDT", Side.BUY, d("300.5"), "mq-1"));
        OrderState limit = main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.01"), d("29000"), TimeInForce.GTC, "l-1"));
        OrderState maker = main.placeOrder(NewOrder.limitMaker("BTCUSDT", Side.SELL, d("0.01"), d("31000"), "lm-1"));
        OrderState stop = main.placeOrder(NewOrder.stopLossLimit("BTCUSDT", Side.SELL, d("0.01"), d("28000"), d("28100"), "sl-1"));
        OrderState take = main.placeOrder(NewOrder.takeProfitLimit("BTCUSDT", Side.SELL, d("0.01"), d("32000"), d("31900"), "tp-1"));

        assertThat(market.status()).isEqualTo("FILLED");
        assertThat(market.clientOrderId()).isEqualTo("m-1");
        assertThat(market.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("30000.50"));
        assertThat(byQuote.executedQty()).isEqualByComparingTo("0.01001"); // 300.5 / 30000.5 floored to the lot
        assertThat(List.of(limit, maker, stop, take)).allSatisfy(o -> assertThat(o.status()).isEqualTo("NEW"));
        assertThat(main.openOrders("BTCUSDT")).extracting(OrderState::clientOrderId)
                .containsExactlyInAnyOrder("l-1", "lm-1", "sl-1", "tp-1");
        assertThat(rig.exchange.errorCodesSent()).isEmpty();
    }

    @Test
    void queriesCancelsBalancesAndTradesAnswerFromTheExchange() {
        main.placeOrder(NewOrder.market("BTCUSDT", Side.BUY, d("0.02"), "buy-1"));
        main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.01"), d("29000"), TimeInForce.GTC, "rest-1"));

        assertThat(main.queryOrder("BTCUSDT", "buy-1").status()).isEqualTo("FILLED");
        OrderState cancelled = main.cancelOrder("BTCUSDT", "rest-1");
        assertThat(cancelled.status()).isEqualTo("CANCELED");
        assertThat(cancelled.clientOrderId()).isEqualTo("rest-1");

        Map<String, Balance> balances = main.balances().stream().collect(Collectors.toMap(Balance::asset, b -> b));
        // the 0.1 % fee of a buy is taken from the BTC bought: 0.5 + 0.02 - 0.00002
        assertThat(balances.get("BTC").free()).isEqualByComparingTo("0.51998");
        assertThat(balances.get("USDT").free()).isEqualByComparingTo("9399.99"); // 10000 - 0.02 × 30000.5
        assertThat(balances.get("USDT").locked()).isZero();
        List<Trade> trades = main.myTrades("BTCUSDT", null, 100);
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.qty()).isEqualByComparingTo("0.02");
            assertThat(t.isBuyer()).isTrue();
            assertThat(t.commission()).isEqualByComparingTo("0.00002");
            assertThat(t.commissionAsset()).isEqualTo("BTC");
        });
    }

    @Test
    void theExchangesRefusalsArriveWithTheirRealCodes() {
        main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.01"), d("29000"), TimeInForce.GTC, "dup"));

        assertThatThrownBy(() -> main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.01"), d("29000"), TimeInForce.GTC, "dup")))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(-2010);
                    assertThat(e.binanceMessage()).isEqualTo("Duplicate order sent.");
                });
        assertThatThrownBy(() -> main.placeOrder(NewOrder.market("BTCUSDT", Side.BUY, d("5"), "too-big")))
                .hasMessageContaining("-2010").hasMessageContaining("insufficient balance");
        assertThatThrownBy(() -> main.placeOrder(NewOrder.limitMaker("BTCUSDT", Side.BUY, d("0.01"), d("30001"), "taker")))
                .hasMessageContaining("Order would immediately match and take.");
        assertThatThrownBy(() -> main.cancelOrder("BTCUSDT", "never-placed"))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.code()).isEqualTo(-2011));
        assertThatThrownBy(() -> main.queryOrder("BTCUSDT", "never-placed"))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.code()).isEqualTo(-2013));
        assertThatThrownBy(() -> main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.000015"), d("29000"), TimeInForce.GTC, "lot")))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(-1013);
                    assertThat(e.binanceMessage()).isEqualTo("Filter failure: LOT_SIZE");
                });
    }

    @Test
    void anOrderQuantisedByTheFiltersIsAcceptedWhereTheRawOneFails() {
        ExchangeInfo info = rig.market.exchangeInfo(List.of("BTCUSDT"));
        NewOrder raw = NewOrder.limit("BTCUSDT", Side.BUY, d("0.0123456"), d("29000.123"), TimeInForce.GTC, "q-1");

        assertThatThrownBy(() -> main.placeOrder(raw)).hasMessageContaining("Filter failure");
        OrderState placed = main.placeOrder(OrderQuantizer.apply(raw, info.rules("BTCUSDT").orElseThrow(), null));

        assertThat(placed.origQty()).isEqualByComparingTo("0.01234");
        assertThat(placed.price()).isEqualByComparingTo("29000.12");
        FilterViolation refused = org.junit.jupiter.api.Assertions.assertThrows(FilterViolation.class,
                () -> OrderQuantizer.apply(NewOrder.limit("BTCUSDT", Side.BUY, d("0.0001"), d("29000"), TimeInForce.GTC, "q-2"),
                        info.rules("BTCUSDT").orElseThrow(), null));
        assertThat(refused.getMessage()).contains("NOTIONAL").contains("2.9").contains("minNotional 5");
    }

    @Test
    void aReplaceCancelsAndPlacesInOneRequestAndReportsAFailedCancel() {
        main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.01"), d("29000"), TimeInForce.GTC, "r-1"));

        OrderState replacement = main.cancelReplace("r-1",
                NewOrder.limit("BTCUSDT", Side.BUY, d("0.01"), d("28500"), TimeInForce.GTC, "r-2"));

        assertThat(replacement.clientOrderId()).isEqualTo("r-2");
        assertThat(rig.exchange.orderStatus(MockBinance.DOC_API_KEY, "BTCUSDT", "r-1")).isEqualTo("CANCELED");
        assertThatThrownBy(() -> main.cancelReplace("r-1",
                NewOrder.limit("BTCUSDT", Side.BUY, d("0.01"), d("28400"), TimeInForce.GTC, "r-3")))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(-2022);
                    assertThat(e.binanceMessage()).contains("cancel: -2011 Unknown order sent.");
                });
    }

    @Test
    void theMockVerifiesTheRawPayloadSoReorderedParametersPassAndTamperedOnesFail() throws Exception {
        HmacKey key = new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET);
        long ts = rig.exchange.serverTime();
        // the order of parameters is free, and part may travel in the body: Binance signs query + body as sent
        String query = "type=LIMIT&symbol=BTCUSDT&side=BUY&timeInForce=GTC";
        String body = "quantity=0.01000&price=29000.00&newClientOrderId=raw-1&timestamp=" + ts;
        String signature = key.sign(query + body);

        assertThat(send(query + "&signature=" + signature, body)).isEqualTo(200);
        assertThat(send(query + "&signature=" + signature, body.replace("raw-1", "raw-2"))).isEqualTo(400);
        assertThat(send(query, body)).isEqualTo(400);
        assertThat(rig.exchange.errorCodesSent()).containsExactly(-1022, -1102);
    }

    private int send(String query, String body) throws Exception {
        Request request = new Request.Builder().url(rig.exchange.restUrl() + "api/v3/order?" + query)
                .header("X-MBX-APIKEY", MockBinance.DOC_API_KEY)
                .post(RequestBody.create(body, okhttp3.MediaType.get("application/x-www-form-urlencoded")))
                .build();
        try (Response response = rig.http.newCall(request).execute()) {
            return response.code();
        }
    }

    @Test
    void aDriftedClockIsResynchronisedOnceOn1021AndTheRequestSucceeds() {
        rig.exchange.setSkew(Duration.ofSeconds(7)); // our clock is 7 s behind Binance's

        OrderState placed = main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.01"), d("29000"), TimeInForce.GTC, "clk-1"));

        assertThat(placed.status()).isEqualTo("NEW");
        assertThat(rig.exchange.errorCodesSent()).containsExactly(-1021);
        assertThat(rig.serverClock.offsetMillis()).isEqualTo(7_000);
        main.balances();
        assertThat(rig.exchange.errorCodesSent()).containsExactly(-1021);
    }

    @Test
    void aClockThatDriftsDuringARunIsMeasuredAgainBeforeItEarnsA1021() {
        rig.rest.synchronizeClock();
        rig.exchange.setSkew(Duration.ofMillis(-1_500)); // over the next quarter of an hour our clock runs ahead

        rig.clock.advance(Duration.ofMinutes(11));
        main.balances();

        assertThat(rig.exchange.errorCodesSent()).isEmpty();
        assertThat(rig.serverClock.offsetMillis()).isEqualTo(-1_500);
    }

    @Test
    void aClockAheadOfTheServerIsCorrectedToo() {
        rig.exchange.setSkew(Duration.ofSeconds(-3));

        assertThat(main.balances()).isNotEmpty();
        assertThat(rig.exchange.errorCodesSent()).containsExactly(-1021);
        assertThat(rig.serverClock.offsetMillis()).isEqualTo(-3_000);
    }

    @Test
    void a429StormIsWaitedOutByRetryAfterWithoutEverSendingDuringTheWait() {
        rig.exchange.script429s(4, 30);

        long serverTime = rig.market.serverTime();

        assertThat(serverTime).isPositive();
        assertThat(rig.exchange.errorCodesSent()).containsExactly(-1003, -1003, -1003, -1003);
        assertThat(rig.exchange.bans()).isZero();
        assertThat(rig.clock.totalSlept()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aStormLongerThanTheRetriesGivesUpAfterSixAttemptsEachAfterItsRetryAfter() {
        rig.exchange.script429s(50, 2);
        int before = rig.exchange.restRequests();

        assertThatThrownBy(() -> rig.market.serverTime())
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));

        assertThat(rig.exchange.restRequests() - before).as("the first try and five retries").isEqualTo(6);
        assertThat(rig.clock.sleeps()).containsOnly(Duration.ofSeconds(2)).hasSize(5);

        // the last Retry-After still holds: the next request waits it out before it is sent
        rig.exchange.script429s(0, 0);
        assertThat(rig.market.serverTime()).isPositive();
        assertThat(rig.clock.sleeps()).hasSize(6);
        assertThat(rig.exchange.bans()).as("never sent during a Retry-After").isZero();
    }

    @Test
    void weightSpentByOthersOnThisIpIsRespectedAndTheHostWaitsForTheNextMinute() {
        rig.exchange.setWeightLimit(100); // other processes on this IP use most of the 6000
        List<Long> times = new ArrayList<>();

        for (int i = 0; i < 12; i++) {
            rig.market.exchangeInfo(List.of());
            times.add(rig.clock.millis());
        }

        assertThat(rig.exchange.bans()).isZero();
        assertThat(rig.exchange.errorCodesSent()).containsOnly(-1003);
        assertThat(times.get(11) - times.get(0)).isGreaterThanOrEqualTo(60_000);
        assertThat(rig.host.usedWeight()).isLessThanOrEqualTo(100);
    }

    @Test
    void a418StopsAllTrafficToTheHostForEveryAccountAndRaisesAnAlert() {
        rig.exchange.addHmacAccount("sub-1", "subKey0000000000", "subSecret");
        SpotAccountClient sub = rig.account("sub-1", new HmacKey("subKey0000000000", "subSecret"));
        rig.exchange.scriptBan();

        assertThatThrownBy(main::balances).isInstanceOf(HostBannedException.class);
        int sent = rig.exchange.restRequests();
        assertThatThrownBy(sub::balances).isInstanceOf(HostBannedException.class).hasMessageContaining("banned this IP until");
        assertThatThrownBy(() -> rig.market.bookTicker("BTCUSDT")).isInstanceOf(HostBannedException.class);

        assertThat(rig.exchange.restRequests()).isEqualTo(sent);
        assertThat(rig.alerts).singleElement().asString().contains("HTTP 418");
        rig.clock.advance(Duration.ofSeconds(121));
        assertThat(rig.market.bookTicker("BTCUSDT").askPrice()).isEqualByComparingTo("30000.50");
    }

    @Test
    void orderCountsArePerAccountSoAFullSubAccountDoesNotHoldBackAnother() {
        rig.exchange.setOrdersPer10Seconds(2);
        rig.exchange.addHmacAccount("sub-1", "subKey0000000000", "subSecret");
        rig.exchange.setBalance("subKey0000000000", "USDT", "1000");
        SpotAccountClient sub = rig.account("sub-1", new HmacKey("subKey0000000000", "subSecret"));
        // as exchangeInfo's ORDERS limits would set them
        main.orderLimiter().setLimits(2, 200_000);
        sub.orderLimiter().setLimits(2, 200_000);
        for (int i = 0; i < 2; i++) {
            main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.001"), d("29000"), TimeInForce.GTC, "a-" + i));
        }
        assertThat(main.orderLimiter().count10Seconds()).isEqualTo(2);

        sub.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.001"), d("29000"), TimeInForce.GTC, "s-0"));
        assertThat(rig.clock.totalSlept()).isZero();

        main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.001"), d("29000"), TimeInForce.GTC, "a-2"));
        assertThat(rig.clock.totalSlept()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(rig.exchange.errorCodesSent()).isEmpty();
    }

    @Test
    void aTooManyOrdersAnswerPausesTheAccountForItsRetryAfter() {
        rig.exchange.setOrdersPer10Seconds(1); // the client still believes 100
        main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.001"), d("29000"), TimeInForce.GTC, "c-0"));

        main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, d("0.001"), d("29000"), TimeInForce.GTC, "c-1"));

        assertThat(rig.exchange.errorCodesSent()).containsExactly(-1015);
        assertThat(rig.exchange.bans()).isZero();
        assertThat(rig.exchange.orderStatus(MockBinance.DOC_API_KEY, "BTCUSDT", "c-1")).isEqualTo("NEW");
    }

    @Test
    void anOrderWhoseAnswerIsLostIsFoundByItsClientIdNotPlacedTwice() {
        rig.exchange.scriptLostAnswers(1);

        OrderState placed = main.placeOrder(NewOrder.market("BTCUSDT", Side.BUY, d("0.01"), "lost-1"));

        assertThat(placed.status()).isEqualTo("FILLED");
        assertThat(placed.clientOrderId()).isEqualTo("lost-1");
        assertThat(rig.exchange.ordersOf(MockBinance.DOC_API_KEY)).isEqualTo(1);
    }

    @Test
    void klinesArePagedUntilTheRangeIsCoveredWithoutGapsOrRepeats() {
        List<Integer> pages = new ArrayList<>();
        long from = 1678730400000L; // the first candle of the real ETH data set
        long to = from + 500L * 300_000;

        List<Kline> klines = rig.market.klinesBetween("ETHUSDT", "5m", from, to, 100, page -> pages.add(page.size()));

        assertThat(klines).hasSize(500);
        assertThat(pages).containsExactly(100, 100, 100, 100, 100, 0);
        for (int i = 1; i < klines.size(); i++) {
            assertThat(klines.get(i).openTime() - klines.get(i - 1).openTime()).isEqualTo(300_000);
        }
        assertThat(klines.get(0).open()).isEqualByComparingTo("1673.58");
        assertThat(klines.get(0).close()).isEqualByComparingTo("1672.99");
    }

    @Test
    void unknownSymbolsAndIntervalsAreNamed() {
        assertThatThrownBy(() -> rig.market.klines("NOPEUSDT", "1m", null, null, 10)).hasMessageContaining("-1121");
        assertThatThrownBy(() -> rig.market.klines("ETHUSDT", "7m", null, null, 10)).hasMessageContaining("-1120");
    }
}
