package dev.stratc.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.broker.RecordingListener;

/** A new instance on the same state file is the same venue: orders, fills, positions, cash and data position. */
class SimulatedExchangePersistenceTest {
    @TempDir
    Path dir;

    private static MarketEvent trade(double price, double size) {
        return new MarketEvent.Trade("BTCUSD", 1_000, price, size);
    }

    @Test
    void theVenueComesBackAsItWasAndSkipsDataItAlreadyApplied() {
        Path state = dir.resolve("exchange.jsonl");
        SimConfig config = new SimConfig("USD", 10_000, dev.stratc.backtest.CostModel.commission(0.1), false);
        try (SimulatedExchange exchange = SimulatedExchange.persistent(config, state)) {
            SimulatedBroker broker = exchange.broker("A");
            broker.start(new RecordingListener());
            exchange.onMarket(0, trade(100, 1));
            broker.submit(SubmitOrder.market("m1", "BTCUSD", Side.BUY, 10));
            broker.submit(SubmitOrder.limit("l1", "BTCUSD", Side.BUY, 20, 90));
            exchange.onMarket(1, trade(101, 1));
            exchange.onMarket(2, trade(90, 5));
        }
        try (SimulatedExchange again = SimulatedExchange.persistent(config, state)) {
            SimulatedBroker broker = again.broker("A");
            assertThat(again.sequence()).isEqualTo(2);
            assertThat(again.onMarket(2, trade(80, 100))).as("already applied").isFalse();
            assertThat(broker.order("m1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(broker.order("m1").orElseThrow().averageFillPrice()).isEqualTo(101);
            assertThat(broker.order("l1").orElseThrow().filledQuantity()).isEqualTo(5);
            assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(15));
            double cash = 10_000 - 10 * 101 * 1.001 - 5 * 90 * 1.001;
            assertThat(broker.balances().getFirst().total()).isCloseTo(cash, org.assertj.core.api.Assertions.within(1e-6));
            broker.start(new RecordingListener());
            assertThat(again.onMarket(3, trade(90, 100))).isTrue();
            assertThat(broker.order("l1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        }
    }
}
