package dev.stratc.runtime.sim;

import java.util.List;
import java.util.function.BooleanSupplier;

import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.market.MarketEvent;

/**
 * Feeds a data set through the simulated exchange and then the engine, one event at a time, on the calling
 * thread. After a restart the events the engine had already processed are fed again at full speed as warm-up;
 * live events are paced to {@code speed} times real time ({@code 0}: as fast as possible).
 */
public final class ReplayDriver {
    private final ReplayDataSet data;
    private final SimulatedExchange exchange;
    private final Engine engine;
    private final double speed;

    public ReplayDriver(ReplayDataSet data, SimulatedExchange exchange, Engine engine, double speed) {
        this.data = data;
        this.exchange = exchange;
        this.engine = engine;
        this.speed = speed;
    }

    /** Replays until the data ends or {@code stop} says so; returns whether the data was replayed to the end. */
    public boolean run(BooleanSupplier stop) throws InterruptedException {
        List<MarketEvent> events = data.events();
        long previousTime = Long.MIN_VALUE;
        for (int seq = 0; seq < events.size(); seq++) {
            if (stop.getAsBoolean()) {
                return false;
            }
            MarketEvent event = events.get(seq);
            boolean live = seq > engine.resumeAfter();
            if (live && speed > 0 && previousTime != Long.MIN_VALUE && event.time() > previousTime) {
                long pause = (long) ((event.time() - previousTime) / speed);
                // in slices, so that a stop is seen within 100 ms whatever the pace
                long until = System.nanoTime() + Math.min(pause, 5_000) * 1_000_000;
                for (long left = Math.min(pause, 5_000); left > 0 && !stop.getAsBoolean(); left = (until - System.nanoTime()) / 1_000_000) {
                    Thread.sleep(Math.min(left, 100));
                }
            }
            previousTime = event.time();
            step(exchange, engine, seq, event);
        }
        engine.drain();
        return true;
    }

    /**
     * One event at position {@code seq} through the exchange, then the engine: what a replay does per event, and
     * what a run fed from a distributed bus does with each delivery.
     */
    public static void step(SimulatedExchange exchange, Engine engine, long seq, MarketEvent event) {
        boolean live = seq > engine.resumeAfter();
        if (!exchange.onMarket(seq, event) && live) {
            // the venue applied this event before the restart; what it filled then reaches the engine again
            exchange.redeliver(seq);
        }
        engine.onMarket(seq, event);
    }
}
