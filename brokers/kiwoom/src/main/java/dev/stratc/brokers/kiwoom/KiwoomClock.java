package dev.stratc.brokers.kiwoom;

import java.time.Duration;
import java.time.Instant;

/** Wall time for token expiry and the trading day, a monotonic reading for pacing, and sleeping. */
public interface KiwoomClock {
    Instant now();

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    KiwoomClock SYSTEM = new KiwoomClock() {
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
            if (duration.isPositive()) {
                Thread.sleep(duration);
            }
        }
    };
}
