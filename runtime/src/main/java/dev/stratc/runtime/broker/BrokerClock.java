package dev.stratc.runtime.broker;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as a broker adapter sees it: wall-clock instants for token expiry and the trading day, a monotonic reading
 * for pacing requests, and sleeping. One interface for every adapter so that tests substitute a clock whose sleep
 * advances time instead of waiting.
 */
public interface BrokerClock {

    Instant now();

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    BrokerClock SYSTEM = new BrokerClock() {
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
