package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stratc.brokers.binance.config.FuturesSettings;
import dev.stratc.brokers.binance.futures.FuturesOrder;
import dev.stratc.brokers.binance.futures.UsdmFuturesClient;
import dev.stratc.brokers.binance.mock.Await;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.brokers.binance.rest.OrderLimiter;
import dev.stratc.brokers.binance.sign.HmacKey;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.Funding;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.RecordingListener;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What futures add to the contract: leverage and margin set before the first order (and refused above the
 * bracket), shorts, funding and margin calls from the user stream, positions the account held before, the
 * liquidation price in the status, and fills missed while the stream was down read back from REST.
 */
class BinanceFuturesBrokerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String KEY = MockBinance.DOC_API_KEY;

    private MockRig rig;
    private BinanceFuturesBroker broker;
    private final RecordingListener listener = new RecordingListener();
    private final List<String> connectionNotes = new CopyOnWriteArrayList<>();
    private final List<Funding> fundings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        rig = new MockRig();
        rig.exchange.setFuturesWallet(KEY, "10000");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (broker != null) {
            broker.stop();
        }
        rig.close();
    }

    private void start(FuturesSettings futures) {
        broker = new BinanceFuturesBroker(BinanceFuturesContractTest.settings(rig, "bn-sub-futures"), futures,
                BinanceFuturesContractTest.host(rig));
        broker.start(new BrokerListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                listener.onOrderEvent(event);
            }

            @Override
            public void onMarketEvent(MarketEvent event) {
                listener.onMarketEvent(event);
            }

            @Override
            public void onConnection(boolean up, String detail) {
                connectionNotes.add(detail);
            }

            @Override
            public void onFunding(Funding funding) {
                fundings.add(funding);
            }
        });
    }

    private double position(String symbol) {
        return broker.positions().stream().filter(p -> p.symbol().equals(symbol)).mapToDouble(BrokerPosition::quantity).sum();
    }

    @Test
    void leverageAndMarginTypeAreSetBeforeTheFirstOrderAndAShortOpensOnASell() {
        start(new FuturesSettings(3, "ISOLATED", false));
        assertThat(rig.exchange.futuresLeverage(KEY, "BTCUSDT")).isNull();

        broker.submit(SubmitOrder.market("short-1", "BTCUSDT", Side.SELL, 0.02));
        OrderEvent.Fill fill = listener.await("short-1", OrderEvent.Fill.class, f -> f.leavesQuantity() == 0, TIMEOUT);

        assertThat(rig.exchange.futuresLeverage(KEY, "BTCUSDT")).isEqualTo(3);
        assertThat(rig.exchange.futuresMarginType(KEY, "BTCUSDT")).isEqualTo("ISOLATED");
        assertThat(fill.price()).isEqualTo(30000.0);
        // taker 0.05 % of 600 USDT, charged in the margin asset: out of cash, not out of the position
        assertThat(fill.commission()).isCloseTo(0.3, within(1e-9));
        assertThat(fill.commissionAsset()).isEmpty();
        assertThat(position("BTCUSDT")).isCloseTo(-0.02, within(1e-12));

        BinanceFuturesBroker.Status status = broker.status();
        assertThat(status.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isCloseTo(-0.02, within(1e-12));
            // a 3x isolated short is liquidated about a third above its entry
            assertThat(p.liquidationPrice()).isBetween(39_000.0, 40_000.0);
        });
        assertThat(status.marginRatio()).isPositive().isLessThan(0.01);

        broker.submit(SubmitOrder.market("cover-1", "BTCUSDT", Side.BUY, 0.02));
        listener.await("cover-1", OrderEvent.Fill.class, f -> f.leavesQuantity() == 0, TIMEOUT);
        assertThat(position("BTCUSDT")).isZero();
    }

    @Test
    void leverageAboveTheSymbolsBracketRefusesTheOrderAndSendsNothing() {
        rig.exchange.setLeverageBracket("ETHUSDT", 20);
        start(new FuturesSettings(50, null, false));

        broker.submit(SubmitOrder.market("too-much", "ETHUSDT", Side.BUY, 1));
        OrderEvent.Rejected rejected = listener.await("too-much", OrderEvent.Rejected.class, TIMEOUT);

        assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(rejected.message()).contains("leverage 50", "ETHUSDT", "20x", "accounts.yaml");
        assertThat(rig.exchange.futuresOrdersOf(KEY)).isZero();
        assertThat(rig.exchange.futuresLeverage(KEY, "ETHUSDT")).isNull();
    }

    @Test
    void fundingAndMarginCallsArriveFromTheUserStreamOnce() {
        rig.exchange.setFuturesPosition(KEY, "BTCUSDT", "BOTH", "0.1", "29000");
        start(FuturesSettings.DEFAULTS);
        // a position opened before this run is reported as the account holds it, at its entry price
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isCloseTo(0.1, within(1e-12));
            assertThat(p.averagePrice()).isEqualTo(29000.0);
        });

        rig.exchange.settleFunding("BTCUSDT", "0.0001");
        Await.until("funding booked", () -> !broker.fundingPayments().isEmpty());
        // a long pays 0.01 % of 0.1 × mark 30000.25
        assertThat(broker.fundingPayments()).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("BTCUSDT");
            assertThat(p.amount()).isEqualByComparingTo("-0.30000250");
        });
        assertThat(rig.exchange.futuresWallet(KEY)).isEqualByComparingTo("9999.6999975");

        // the runtime hears of it with the income history's tranId, the key reconciliation reads it back under
        Await.until("funding passed on", () -> !fundings.isEmpty());
        Funding pushed = fundings.get(0);
        assertThat(pushed.symbol()).isEqualTo("BTCUSDT");
        assertThat(pushed.amount()).isCloseTo(-0.3000025, within(1e-12));
        assertThat(pushed.asset()).isEqualTo("USDT");
        assertThat(broker.funding(0)).containsExactly(pushed);

        rig.exchange.futuresMarginCall(KEY, "BTCUSDT");
        Await.until("margin call alert", () -> connectionNotes.stream().anyMatch(n -> n.contains("margin call")));
        assertThat(broker.fundingPayments()).hasSize(1);
        assertThat(fundings).hasSize(1);
    }

    @Test
    void aFillMissedWhileTheUserStreamWasDownIsReadBackOnceFromRest() {
        start(FuturesSettings.DEFAULTS);
        broker.submit(SubmitOrder.limit("rest-1", "BTCUSDT", Side.BUY, 0.01, 29000));
        listener.await("rest-1", OrderEvent.Accepted.class, TIMEOUT);

        rig.exchange.dropFuturesUserStream(KEY);
        rig.exchange.trade("BTCUSDT", "29000", "1");
        // the reconnection reports a gap; the adapter reads the order and its trades from REST
        OrderEvent.Fill fill = listener.await("rest-1", OrderEvent.Fill.class, f -> f.leavesQuantity() == 0,
                Duration.ofSeconds(15));
        assertThat(fill.price()).isEqualTo(29000.0);
        Await.until("stream back", () -> rig.exchange.futuresUserStreamConnected(KEY));
        broker.reconcile();
        assertThat(listener.events("rest-1")).filteredOn(OrderEvent.Fill.class::isInstance).hasSize(1);
        assertThat(position("BTCUSDT")).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void aPositionModeOtherThanTheConfiguredOneFailsTheStartNamingBoth() {
        rig.exchange.setHedgeMode(KEY, true);
        assertThatThrownBy(() -> start(FuturesSettings.DEFAULTS))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("hedge position mode").hasMessageContaining("position_mode: one_way");
    }

    @Test
    void inHedgeModeASellAgainstALongClosesTheLongSide() {
        rig.exchange.setHedgeMode(KEY, true);
        start(new FuturesSettings(0, null, true));
        broker.submit(SubmitOrder.market("h-long", "BTCUSDT", Side.BUY, 0.01));
        listener.await("h-long", OrderEvent.Fill.class, TIMEOUT);
        broker.submit(SubmitOrder.market("h-close", "BTCUSDT", Side.SELL, 0.01));
        listener.await("h-close", OrderEvent.Fill.class, TIMEOUT);
        assertThat(position("BTCUSDT")).isZero();

        broker.submit(SubmitOrder.market("h-short", "BTCUSDT", Side.SELL, 0.01));
        listener.await("h-short", OrderEvent.Fill.class, TIMEOUT);
        assertThat(position("BTCUSDT")).isCloseTo(-0.01, within(1e-12));
    }

    @Test
    void aStopMarketClosingThePositionWaitsInTheAlgoServiceAndFiresOnItsTrigger() {
        UsdmFuturesClient client = new UsdmFuturesClient(rig.rest, new HmacKey(KEY, MockBinance.DOC_SECRET),
                new OrderLimiter("t", 300, 200_000, rig.clock, rig.clock));
        client.placeOrder(FuturesOrder.market("BTCUSDT", FuturesOrder.Side.BUY, new BigDecimal("0.01"), false, "o-1"));
        client.placeOrder(FuturesOrder.closeAt("BTCUSDT", FuturesOrder.Side.SELL, FuturesOrder.Type.STOP_MARKET,
                new BigDecimal("29500"), "stop-1"));
        client.placeOrder(FuturesOrder.closeAt("BTCUSDT", FuturesOrder.Side.SELL, FuturesOrder.Type.TAKE_PROFIT_MARKET,
                new BigDecimal("31000"), "tp-1"));
        rig.exchange.trade("BTCUSDT", "29800", "1");
        assertThat(rig.exchange.futuresPosition(KEY, "BTCUSDT")).isEqualByComparingTo("0.01");

        rig.exchange.trade("BTCUSDT", "29400", "1");
        assertThat(rig.exchange.futuresPosition(KEY, "BTCUSDT")).isZero();
        assertThat(client.queryOrder("BTCUSDT", "stop-1").status()).isEqualTo("FILLED");
    }
}
