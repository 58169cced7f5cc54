package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.runtime.testing.SmaCrossProgram;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;

/**
 * Declarative stops are watched on every tick of a live or paper run, not at bar closes: a trade through the
 * stop, or for a polled symbol a bid through it, exits at once; on the simulated exchange a gap fills at the
 * price the market traded, worse than the stop's level.
 */
class StopWatchTest {
    private static final long START = 1_700_000_040_000L - 1_700_000_040_000L % 60_000;
    private static final long PLUNGE = START + 15 * 60_000 + 7_250;

    @TempDir
    Path stateDir;

    private static SmaCrossProgram withStopLoss() {
        return new SmaCrossProgram(3, 8, new Quantity.Units(1), new Stops(1.0, Double.NaN, Double.NaN, Long.MAX_VALUE),
                Duration.ofMinutes(1));
    }

    private static double price(long time) {
        double minute = (time - START) / 60_000.0;
        return minute < 10 ? 100 - minute : 80 + minute;
    }

    @Test
    void aTradeThroughTheStopExitsOnThatTickAtTheTradedPrice() throws Exception {
        List<MarketEvent> events = new ArrayList<>();
        for (long t = START; t < START + 20 * 60_000; t += 250) {
            events.add(new MarketEvent.Trade("BTCUSD", t, t == PLUNGE ? price(t) * 0.9 : price(t), 0.5));
        }
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, withStopLoss(), new ReplayDataSet("plunge", events),
                RunMode.PAPER, RiskLimits.none("CRYPTO"), List.of("SIM"), recorder))) {
            run.run(() -> false);
        }
        assertThat(recorder.fills).extracting(OrderEvent.Fill::side).containsExactly(Side.BUY, Side.SELL);
        OrderIntent exit = recorder.sent.getLast();
        assertThat(exit.reason()).startsWith("stop_loss");
        assertThat(exit.time()).as("decided on the tick, not at the bar's close").isEqualTo(PLUNGE);
        OrderEvent.Fill sold = recorder.fills.getLast();
        assertThat(sold.time()).isEqualTo(PLUNGE);
        assertThat(sold.price()).as("a gap through the stop fills where the market traded")
                .isEqualTo(price(PLUNGE) * 0.9);
    }

    @Test
    void aPolledSymbolsBidThroughTheStopExitsAtOnce() throws Exception {
        List<MarketEvent> events = new ArrayList<>();
        for (long t = START; t < START + 15 * 60_000; t += 250) {
            events.add(new MarketEvent.Trade("BTCUSD", t, price(t), 0.5));
        }
        // then only quotes, as a symbol polled with the multi-symbol quote has: the bid falls through the stop
        long quoteAt = START + 15 * 60_000 + 2_000;
        double entryish = price(START + 15 * 60_000);
        events.add(new MarketEvent.Quote("BTCUSD", quoteAt, entryish * 0.95, 1, entryish * 0.951, 1));
        events.add(new MarketEvent.Trade("BTCUSD", quoteAt + 1_000, entryish * 0.95, 0.5));
        Recorder recorder = new Recorder();
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, withStopLoss(), new ReplayDataSet("quotes", events),
                RunMode.PAPER, RiskLimits.none("CRYPTO"), List.of("SIM"), recorder))) {
            run.run(() -> false);
        }
        OrderIntent exit = recorder.sent.getLast();
        assertThat(exit.side()).isEqualTo(Side.SELL);
        assertThat(exit.reason()).startsWith("stop_loss");
        assertThat(exit.time()).isEqualTo(quoteAt);
        assertThat(recorder.fills.getLast().side()).isEqualTo(Side.SELL);
    }
}
