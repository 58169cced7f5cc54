package dev.stratc.brokers.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.binance.mock.Await;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.brokers.binance.order.NewOrder;
import dev.stratc.brokers.binance.order.NewOrder.Side;
import dev.stratc.brokers.binance.order.NewOrder.TimeInForce;
import dev.stratc.brokers.binance.rest.Balance;
import dev.stratc.brokers.binance.rest.SpotAccountClient;
import dev.stratc.brokers.binance.sign.ApiKey;
import dev.stratc.brokers.binance.sign.Ed25519Key;
import dev.stratc.brokers.binance.sign.HmacKey;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserDataStreamTest {
    private MockRig rig;
    private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    private final List<Balance> balances = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<long[]> resubscriptions = new CopyOnWriteArrayList<>();
    private final UserDataListener listener = new UserDataListener() {
        @Override
        public void onExecutionReport(ExecutionReport report) {
            reports.add(report);
        }

        @Override
        public void onBalances(List<Balance> changed) {
            balances.addAll(changed);
        }

        @Override
        public void onResubscribed(long lostAtMillis, long resumedAtMillis) {
            resubscriptions.add(new long[] {lostAtMillis, resumedAtMillis});
        }

        @Override
        public void onError(String message) {
            errors.add(message);
        }

        @Override
        public void onRateLimited(String message) {
            rateLimited.add(message);
        }
    };
    private final List<String> rateLimited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        rig = new MockRig();
        rig.exchange.setBalance(MockBinance.DOC_API_KEY, "USDT", "10000");
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    private UserDataStream subscribe(ApiKey key) {
        UserDataStream stream = new UserDataStream(rig.http, rig.exchange.wsApiUrl(), key, rig.serverClock,
                Duration.ofSeconds(5), rig.rest::synchronizeClock, listener, rig.json, rig.scheduler, MockRig.FAST,
                rig.alerts::add, rig.clock);
        stream.start();
        return stream;
    }

    @Test
    void ordersReportTheirLifeThroughTheWebSocketApiSubscription() {
        try (UserDataStream stream = subscribe(new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET))) {
            Await.until("subscribed", stream::isSubscribed);
            SpotAccountClient main = rig.mainAccount();

            main.placeOrder(NewOrder.limit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("29000"), TimeInForce.GTC, "ud-1"));
            rig.exchange.trade("BTCUSDT", "29000", "0.004");
            main.cancelOrder("BTCUSDT", "ud-1");

            Await.until("three reports", () -> reports.size() == 3);
            assertThat(reports).extracting(ExecutionReport::executionType).containsExactly("NEW", "TRADE", "CANCELED");
            assertThat(reports).extracting(ExecutionReport::orderClientId).containsOnly("ud-1");
            ExecutionReport fill = reports.get(1);
            assertThat(fill.lastQuantity()).isEqualByComparingTo("0.004");
            assertThat(fill.lastPrice()).isEqualByComparingTo("29000");
            assertThat(fill.orderStatus()).isEqualTo("PARTIALLY_FILLED");
            assertThat(fill.tradeId()).isPositive();
            assertThat(reports.get(2).cumulativeQuantity()).isEqualByComparingTo("0.004");
            Await.until("balances", () -> balances.stream().anyMatch(b -> b.asset().equals("BTC")));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void anEd25519KeySignsRestAndTheSubscriptionAlike() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        rig.exchange.addEd25519Account("ed", "edKey00000000000", pair.getPublic());
        rig.exchange.setBalance("edKey00000000000", "USDT", "1000");
        Ed25519Key key = new Ed25519Key("edKey00000000000", pair.getPrivate());

        try (UserDataStream stream = subscribe(key)) {
            Await.until("subscribed", stream::isSubscribed);
            rig.account("ed", key).placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.001"), "ed-1"));

            Await.until("the fill", () -> reports.stream().anyMatch(ExecutionReport::isFill));
            assertThat(rig.exchange.errorCodesSent()).isEmpty();
        }
    }

    @Test
    void aRefusedSubscriptionIsReportedAndAlerted() {
        try (UserDataStream stream = subscribe(new HmacKey(MockBinance.DOC_API_KEY, "wrong-secret"))) {
            Await.until("the refusal", () -> !errors.isEmpty());
            assertThat(errors.get(0)).contains("-1022").doesNotContain("wrong-secret");
            assertThat(rig.alerts).anyMatch(a -> a.contains("-1022"));
            assertThat(stream.isSubscribed()).isFalse();
        }
    }

    @Test
    void aSubscriptionRefusedForTheClockIsRetriedOnceTheClockIsMeasuredAgain() {
        rig.exchange.setSkew(Duration.ofSeconds(-30)); // Binance is 30 s behind us: our timestamps are "ahead"
        try (UserDataStream stream = subscribe(new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET))) {
            Await.until("subscribed", stream::isSubscribed);

            assertThat(rig.serverClock.offsetMillis()).isEqualTo(-30_000);
            assertThat(stream.connectionsOpened()).isEqualTo(2);
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void aSubscriptionRefusedBy429IsTriedAgainOnlyAfterItsRetryAfter() {
        try (UserDataStream stream = subscribe(new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET))) {
            Await.until("subscribed", stream::isSubscribed);
            rig.exchange.scriptWsApi429s(1, Duration.ofMillis(1_500));

            rig.exchange.dropUserDataConnections();
            Await.until("the 429", () -> !rateLimited.isEmpty());
            long refusedAt = System.nanoTime();
            Await.until("subscribed again", stream::isSubscribed);

            assertThat(System.nanoTime() - refusedAt).as("waited for retryAfter (at least 1 s)")
                    .isGreaterThanOrEqualTo(900_000_000L);
            assertThat(rateLimited.get(0)).contains("-1003", "HTTP 429", "subscribing again in 2 s");
            assertThat(rig.alerts).anyMatch(a -> a.contains("HTTP 429"));
            assertThat(errors).isEmpty();
            assertThat(stream.connectionsOpened()).as("the first, the one refused, the retry").isEqualTo(3);
            Await.until("the gap report", () -> resubscriptions.size() == 1);
        }
    }

    @Test
    void aDroppedSessionResubscribesAndReportsTheGap() {
        try (UserDataStream stream = subscribe(new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET))) {
            Await.until("subscribed", stream::isSubscribed);

            rig.exchange.dropUserDataConnections();
            Await.until("the gap report", () -> resubscriptions.size() == 1);
            Await.until("subscribed again", stream::isSubscribed);
            rig.mainAccount().placeOrder(NewOrder.market("BTCUSDT", Side.BUY, new BigDecimal("0.001"), "after-drop"));

            Await.until("the fill after the drop", () -> reports.stream().anyMatch(r -> r.orderClientId().equals("after-drop") && r.isFill()));
            assertThat(stream.connectionsOpened()).isEqualTo(2);
        }
    }
}
