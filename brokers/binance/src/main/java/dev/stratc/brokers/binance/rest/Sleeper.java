package dev.stratc.brokers.binance.rest;

import java.time.Duration;

/** How the adapter waits (for Retry-After, a new rate-limit window); tests substitute a clock that jumps. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration);
            }
        };
    }
}
