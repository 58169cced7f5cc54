package dev.stratc.brokers.kis;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the adapter sees it: wall-clock instants for token expiry, a monotonic reading for pacing, and sleeping.
 * Tests substitute a clock whose sleep advances time instead of waiting.
 */
public interface KisClock {

    Instant now();

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    KisClock SYSTEM = new KisClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration);
            }
        }
    };
}
