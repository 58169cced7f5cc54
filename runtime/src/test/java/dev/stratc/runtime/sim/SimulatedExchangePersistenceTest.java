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

    private Path venueWithTwoFills(SimConfig config) {
        Path state = dir.resolve("exchange.jsonl");
        try (SimulatedExchange exchange = SimulatedExchange.persistent(config, state)) {
            SimulatedBroker broker = exchange.broker("A");
            broker.start(new RecordingListener());
            exchange.onMarket(0, trade(100, 1));
            broker.submit(SubmitOrder.market("m1", "BTCUSD", Side.BUY, 10));
            exchange.onMarket(1, trade(101, 1));
            broker.submit(SubmitOrder.market("m2", "BTCUSD", Side.BUY, 5));
            exchange.onMarket(2, trade(102, 1));
        }
        return state;
    }

    @Test
    void aTornTailIsMovedAsideReportedOnceAndNeverWrittenOnto() throws Exception {
        SimConfig config = new SimConfig("USD", 10_000, dev.stratc.backtest.CostModel.commission(0.1), false);
        Path state = venueWithTwoFills(config);
        java.nio.file.Files.writeString(state, "{\"type\":\"fill\",\"seq\":3,\"acc",
                java.nio.file.StandardOpenOption.APPEND);
        try (SimulatedExchange again = SimulatedExchange.persistent(config, state)) {
            assertThat(again.repaired()).hasValueSatisfying(r -> assertThat(r.sideFile()).exists());
            SimulatedBroker broker = again.broker("A");
            broker.start(new RecordingListener());
            assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(15));
            broker.submit(SubmitOrder.market("m3", "BTCUSD", Side.SELL, 15));
            again.onMarket(3, trade(103, 1));
        }
        try (SimulatedExchange third = SimulatedExchange.persistent(config, state)) {
            assertThat(third.repaired()).as("said once").isEmpty();
            assertThat(third.broker("A").order("m3").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(third.broker("A").positions()).isEmpty();
        }
    }

    @Test
    void aChangedLineIsRefusedWithFileAndLineInsteadOfBeingRedone() throws Exception {
        SimConfig config = new SimConfig("USD", 10_000, dev.stratc.backtest.CostModel.commission(0.1), false);
        Path state = venueWithTwoFills(config);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(state);
        int fill = 0;
        while (!lines.get(fill).contains("\"fills\"")) {
            fill++;
        }
        lines.set(fill, lines.get(fill).replace("\"price\":101.0", "\"price\":11.0"));
        java.nio.file.Files.write(state, lines);
        int line = fill + 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatedExchange.persistent(config, state))
                .isInstanceOf(dev.stratc.runtime.journal.JournalCorruptException.class)
                .hasMessageContaining("exchange.jsonl:" + line + ":");
    }

    @Test
    void aFillForAnOrderTheJournalNeverTookIsRefusedNamingTheRecord() throws Exception {
        SimConfig config = new SimConfig("USD", 10_000, dev.stratc.backtest.CostModel.commission(0.1), false);
        Path state = venueWithTwoFills(config);
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(state));
        lines.removeIf(l -> l.contains("\"type\":\"order\"") && l.contains("\"m1\""));   // whole and sealed, taken out
        java.nio.file.Files.write(state, lines);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatedExchange.persistent(config, state))
                .isInstanceOf(dev.stratc.runtime.journal.JournalCorruptException.class)
                .hasMessageContaining("exchange.jsonl: record 2").hasMessageContaining("no order m1");
    }

    @Test
    void aRestartedVenueTakesTheLastPriceFromTheTapeItReplaysSoOrdersAreJudgedAsBeforeTheRestart() {
        SimConfig config = new SimConfig("USD", 10_000, dev.stratc.backtest.CostModel.commission(0.1), false);
        Path state = venueWithTwoFills(config);
        try (SimulatedExchange again = SimulatedExchange.persistent(config, state)) {
            SimulatedBroker broker = again.broker("A");
            RecordingListener events = new RecordingListener();
            broker.start(events);
            for (int seq = 0; seq <= 2; seq++) {
                assertThat(again.onMarket(seq, trade(100 + seq, 1))).isFalse();
            }
            // 1,000 at the last price of 102 needs 102,000 of the ~8,475 left: refused as it was before the restart
            broker.submit(SubmitOrder.market("big", "BTCUSD", Side.BUY, 1_000));
            assertThat(broker.order("big")).isEmpty();
            assertThat(broker.balances().getFirst().free()).isLessThan(10_000 - 15 * 100);
        }
    }
}
