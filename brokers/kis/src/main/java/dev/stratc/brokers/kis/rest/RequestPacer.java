package dev.stratc.brokers.kis.rest;

import dev.stratc.brokers.kis.KisClock;
import java.time.Duration;

/**
 * Spaces one account's requests evenly so they stay under KIS's per-second limit. When KIS still refuses one
 * ({@code EGW00201}: another program shares the key, or the gateway counts differently) the spacing grows by half,
 * up to four times the configured spacing; after a run of accepted requests it relaxes back step by step.
 */
public final class RequestPacer {

    private static final double SLOWDOWN = 1.5;
    private static final double MAX_SLOWDOWN = 4.0;
    private static final double RELAX = 1.25;
    private static final int SUCCESSES_BEFORE_RELAXING = 50;

    private final KisClock clock;
    private final long baseIntervalNanos;
    private long intervalNanos;
    private long nextSlotNanos;
    private int successesSinceSlowdown;

    public RequestPacer(double requestsPerSecond, KisClock clock) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requests_per_second must be positive, was " + requestsPerSecond);
        }
        this.clock = clock;
        this.baseIntervalNanos = (long) (1_000_000_000L / requestsPerSecond);
        this.intervalNanos = baseIntervalNanos;
        this.nextSlotNanos = clock.nanoTime();
    }

    /** Waits for this request's slot. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.nanoTime();
            long slot = Math.max(now, nextSlotNanos);
            nextSlotNanos = slot + intervalNanos;
            wait = slot - now;
        }
        clock.sleep(Duration.ofNanos(wait));
    }

    /** KIS said too many requests: widen the spacing and keep the next slot a full interval away. */
    public synchronized void slowDown() {
        intervalNanos = Math.min((long) (intervalNanos * SLOWDOWN), (long) (baseIntervalNanos * MAX_SLOWDOWN));
        nextSlotNanos = Math.max(nextSlotNanos, clock.nanoTime() + intervalNanos);
        successesSinceSlowdown = 0;
    }

    public synchronized void succeeded() {
        if (intervalNanos > baseIntervalNanos && ++successesSinceSlowdown >= SUCCESSES_BEFORE_RELAXING) {
            intervalNanos = Math.max(baseIntervalNanos, (long) (intervalNanos / RELAX));
            successesSinceSlowdown = 0;
        }
    }

    /** The rate currently allowed, in requests per second. */
    public synchronized double currentRate() {
        return 1e9 / intervalNanos;
    }
}
