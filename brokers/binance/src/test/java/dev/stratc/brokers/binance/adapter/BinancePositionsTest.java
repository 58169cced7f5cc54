package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.RecordingListener;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a Spot account holds, as positions: every coin quoted in the account's quote asset, at an honest cost. */
class BinancePositionsTest {
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

    private void trade(Side side, double quantity, String ask) {
        rig.exchange.setBook("BTCUSDT", "29000", ask);
        String id = "pos-" + ids.incrementAndGet();
        broker.submit(SubmitOrder.market(id, "BTCUSDT", side, quantity));
        listener.await(id, OrderEvent.Fill.class, f -> f.leavesQuantity() == 0, Duration.ofSeconds(5));
    }

    private Map<String, BrokerPosition> positions() {
        return broker.positions().stream().collect(Collectors.toMap(BrokerPosition::symbol, p -> p));
    }

    @Test
    void coinsAlreadyInTheAccountAreHoldingsWhoseCostIsUnknown() {
        rig.exchange.setBalance(KEY, "BTC", "1");
        rig.exchange.setBalance(KEY, "ETH", "10");
        rig.exchange.setBalance(KEY, "BNB", "3"); // no BNBUSDT on this exchange: a balance, not a position

        Map<String, BrokerPosition> positions = positions();

        assertThat(positions).containsOnlyKeys("BTCUSDT", "ETHUSDT");
        assertThat(positions.get("BTCUSDT").quantity()).isEqualTo(1);
        assertThat(positions.get("BTCUSDT").averagePrice()).as("deposited: no buy tells its cost").isNaN();
        assertThat(positions.get("ETHUSDT").quantity()).isEqualTo(10);
        assertThat(positions.get("ETHUSDT").averagePrice()).isNaN();
        assertThat(broker.balances()).extracting(Balance::asset).contains("USDT", "BTC", "ETH", "BNB");
    }

    @Test
    void theAveragePriceIsThatOfTheNewestBuysThatMakeUpTheBalanceNetOfTheirFees() {
        trade(Side.BUY, 0.01, "30000");
        trade(Side.BUY, 0.02, "31000");
        trade(Side.SELL, 0.005, "31000"); // first in, first out: what is left is the newest buy and part of the first

        BrokerPosition btc = positions().get("BTCUSDT");

        // held: 0.00999 + 0.01998 - 0.005 = 0.02497, of which 0.01998 bought at 31000 and 0.00499 at 30000
        assertThat(btc.quantity()).isCloseTo(0.02497, within(1e-12));
        assertThat(btc.averagePrice()).isCloseTo((0.01998 * 31000 + 0.00499 * 30000) / 0.02497, within(1e-6));
    }

    @Test
    void coinsHeldBeyondWhatTheBuysExplainLeaveTheCostUnknown() {
        rig.exchange.setBalance(KEY, "BTC", "1");
        trade(Side.BUY, 0.01, "30000");

        BrokerPosition btc = positions().get("BTCUSDT");

        assertThat(btc.quantity()).isCloseTo(1.00999, within(1e-12));
        assertThat(btc.averagePrice()).as("the 1 BTC deposited has no known cost").isNaN();
    }
}
