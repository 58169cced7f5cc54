package dev.stratc.runtime.engine;

import java.time.Duration;
import java.time.ZoneId;

import dev.stratc.runtime.order.RetryPolicy;

/**
 * How the engine runs one strategy.
 *
 * @param runTag             a short stable name of the run (kept in the state directory); the prefix of every
 *                           client order id, so ids stay unique across runs on one account
 * @param quantityStep       the lot: order quantities are rounded down to a multiple of it (1 for shares)
 * @param ackTimeout         how long a sent order may go unanswered before the broker is asked about it
 * @param orderMaxAge        working orders older than this are cancelled ({@code Duration.ZERO}: never)
 * @param resendWindow       after a restart, a decided order the broker never received is sent only when it
 *                           is younger than this (market time); older ones are dropped and reported
 * @param reconcileEvery     how often (market time) positions and open orders are compared with the brokers
 * @param barGrace           how long after its end a bar waits for late trades before it closes by the clock
 *                           (a trade of a later bar closes it at once)
 * @param retry              how an order a broker refused for a passing reason is sent again
 */
public record EngineConfig(String strategyName, RunMode mode, Duration timeframe, ZoneId zone, String runTag,
                           double quantityStep, Duration ackTimeout, Duration orderMaxAge, Duration resendWindow,
                           Duration reconcileEvery, Duration barGrace, RetryPolicy retry) {

    /** The grace a bar gives late trades: KIS stamps trades to the second, and a stream delivers within it. */
    public static final Duration DEFAULT_BAR_GRACE = Duration.ofSeconds(1);

    public static EngineConfig of(String strategyName, RunMode mode, Duration timeframe, ZoneId zone, String runTag,
                                  double quantityStep) {
        return new EngineConfig(strategyName, mode, timeframe, zone, runTag, quantityStep, Duration.ofSeconds(10),
                Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5), DEFAULT_BAR_GRACE, RetryPolicy.DEFAULT);
    }
}
