package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.RecordingListener;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fees as Binance charges them (0.1 % of what a trade brings in: the base asset on a buy, the quote on a sell,
 * or BNB) and sells sized to what the account holds, so the exit of a position bought with a fee in the base
 * asset is accepted instead of refused with -2010 on every bar, and dust is refused here once per attempt,
 * never sent.
 */
class BinanceFeesAndDustTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String KEY = MockBinance.DOC_API_KEY;
    private final AtomicInteger ids = new AtomicInteger();
    private MockRig rig;
    private BinanceBroker broker;
    private RecordingListener listener;

    @BeforeEach
    void setUp() {
        rig = new MockRig();
        rig.exchange.setBalance(KEY, "USDT", "100000");
        broker = new BinanceBroker(BinanceBrokerContractTest.settings(rig), BinanceBrokerContractTest.host(rig));
        listener = new RecordingListener();
        broker.start(listener);
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.stop();
        rig.close();
    }

    private String market(String symbol, Side side, double quantity) {
        String id = "fd-" + ids.incrementAndGet();
        broker.submit(SubmitOrder.market(id, symbol, side, quantity));
        return id;
    }

    private OrderEvent.Fill filled(String id) {
        return listener.await(id, OrderEvent.Fill.class, f -> f.leavesQuantity() == 0, TIMEOUT);
    }

    @Test
    void aBuysFeeInBtcIsReportedAndTheExitOfWhatIsHeldIsAccepted() {
        OrderEvent.Fill buy = filled(market("BTCUSDT", Side.BUY, 0.01));

        assertThat(buy.quantity()).as("what traded, before the fee").isEqualTo(0.01);
        assertThat(buy.commission()).isCloseTo(0.00001, within(1e-12));
        assertThat(buy.commissionAsset()).isEqualTo("BTC");
        assertThat(rig.exchange.free(KEY, "BTC")).isEqualByComparingTo("0.00999");

        // an exit computed in doubles from the fill: 0.01 - 0.00001 is 0.009989999999999999
        String exit = market("BTCUSDT", Side.SELL, buy.quantity() - buy.commission());
        OrderEvent.Fill sell = filled(exit);

        assertThat(sell.quantity()).isEqualTo(0.00999);
        assertThat(sell.commissionAsset()).isEqualTo("USDT");
        assertThat(sell.commission()).isCloseTo(0.00999 * 30000 * 0.001, within(1e-9));
        assertThat(rig.exchange.free(KEY, "BTC")).isZero();
        assertThat(rig.exchange.errorCodesSent()).isEmpty();
    }

    @Test
    void anExitAskingForTheGrossQuantitySellsWhatIsHeldInsteadOfBeingRefusedOnEveryBar() {
        filled(market("BTCUSDT", Side.BUY, 0.01));

        String exit = market("BTCUSDT", Side.SELL, 0.01);
        OrderEvent.Fill sell = filled(exit);

        assertThat(sell.quantity()).isEqualTo(0.00999);
        assertThat(sell.cumulativeQuantity()).isEqualTo(0.00999);
        assertThat(listener.events(exit)).noneMatch(OrderEvent.Rejected.class::isInstance);
        assertThat(rig.exchange.errorCodesSent()).as("no -2010 insufficient balance").isEmpty();
        assertThat(rig.exchange.free(KEY, "BTC")).isZero();
    }

    @Test
    void aSellOfLessThanIsHeldSellsExactlyThat() {
        rig.exchange.setBalance(KEY, "BTC", "1");

        OrderEvent.Fill sell = filled(market("BTCUSDT", Side.SELL, 0.25));

        assertThat(sell.quantity()).isEqualTo(0.25);
        assertThat(rig.exchange.free(KEY, "BTC")).isEqualByComparingTo("0.75");
    }

    @Test
    void theDustLeftByAFeeIsRefusedHereWithTheNumbersOnEveryAttemptAndNeverSent() {
        // 0.0123 ETH bought leaves 0.0122877; the sell floors to the 0.0001 step and leaves 0.0000877
        filled(market("ETHUSDT", Side.BUY, 0.0123));
        OrderEvent.Fill sell = filled(market("ETHUSDT", Side.SELL, 0.0123));
        assertThat(sell.quantity()).isEqualTo(0.0122);
        assertThat(rig.exchange.free(KEY, "ETH")).isEqualByComparingTo("0.0000877");
        int orders = rig.exchange.ordersOf(KEY);
        int requests = rig.exchange.restRequests();

        for (int attempt = 0; attempt < 3; attempt++) {
            String id = market("ETHUSDT", Side.SELL, 0.0000877);
            OrderEvent.Rejected rejected = listener.await(id, OrderEvent.Rejected.class, TIMEOUT);
            assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_ORDER);
            assertThat(rejected.message()).contains("dust", "0.0000877 ETH", "LOT_SIZE", "step 0.0001", "minQty 0.0001");
            assertThat(listener.events(id)).hasSize(1);
        }

        assertThat(rig.exchange.ordersOf(KEY)).as("nothing sent to the exchange").isEqualTo(orders);
        assertThat(rig.exchange.errorCodesSent()).isEmpty();
        // per attempt the balance and, with no market stream here, the best bid to judge the notional by
        assertThat(rig.exchange.restRequests() - requests).as("reads only, no order").isEqualTo(3 * 2);
    }

    @Test
    void aHoldingWorthLessThanTheMinimumNotionalIsDustToo() {
        rig.exchange.setBalance(KEY, "ETH", "0.0021"); // 0.0021 × 1800 = 3.78, below MIN_NOTIONAL 5

        String id = market("ETHUSDT", Side.SELL, 0.0021);
        OrderEvent.Rejected rejected = listener.await(id, OrderEvent.Rejected.class, TIMEOUT);

        assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(rejected.message()).contains("dust", "MIN_NOTIONAL", "minNotional 5", "3.78", "step 0.0001");
        assertThat(rig.exchange.ordersOf(KEY)).isZero();
    }

    @Test
    void aSellTooSmallForTheLotIsAnOrdinaryRefusalWhenMoreIsHeld() {
        rig.exchange.setBalance(KEY, "BTC", "1");

        String id = market("BTCUSDT", Side.SELL, 0.000004);
        OrderEvent.Rejected rejected = listener.await(id, OrderEvent.Rejected.class, TIMEOUT);

        assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(rejected.message()).contains("LOT_SIZE", "minQty 0.00001").doesNotContain("dust");
        assertThat(rig.exchange.ordersOf(KEY)).isZero();
    }

    @Test
    void aSellWithNothingHeldIsRefusedHere() {
        String id = market("BTCUSDT", Side.SELL, 0.01);
        OrderEvent.Rejected rejected = listener.await(id, OrderEvent.Rejected.class, TIMEOUT);

        assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_POSITION);
        assertThat(rejected.message()).contains("holds no free BTC");
        assertThat(rig.exchange.ordersOf(KEY)).isZero();
    }

    @Test
    void feesPaidInBnbAreReportedInBnbAndLeaveTheBoughtQuantityWhole() {
        rig.exchange.setBalance(KEY, "BNB", "1");
        rig.exchange.payFeesInBnb(KEY, "600");

        OrderEvent.Fill buy = filled(market("BTCUSDT", Side.BUY, 0.01));

        assertThat(buy.commissionAsset()).isEqualTo("BNB");
        // 0.01 × 30000.5 × 0.1 % × 0.75 / 600
        assertThat(buy.commission()).isCloseTo(0.01 * 30000.5 * 0.001 * 0.75 / 600, within(1e-8));
        assertThat(rig.exchange.free(KEY, "BTC")).isEqualByComparingTo("0.01");
        assertThat(rig.exchange.free(KEY, "BNB").doubleValue()).isCloseTo(1 - buy.commission(), within(1e-12));
    }

    @Test
    void theBaseAssetComesFromExchangeInfo() {
        assertThat(broker.baseAsset("ETHUSDT")).contains("ETH");
        assertThat(broker.baseAsset("BNBBTC")).contains("BNB");
        assertThat(broker.baseAsset("NOPEUSDT")).isEqualTo(Optional.empty());
    }
}
