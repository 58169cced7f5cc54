package dev.stratc.brokers.kis;

import dev.stratc.runtime.broker.BrokerClock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time, except that waits of a second or more (the token's once-a-minute rule) and explicit
 * {@link #advance}s move the wall clock forward instead of sleeping. Short waits (request pacing) really sleep,
 * because the mock server counts its rate limit in real time.
 */
public final class TestClock implements BrokerClock {

    private final AtomicLong offsetNanos = new AtomicLong();
    private final AtomicLong skippedNanos = new AtomicLong();

    @Override
    public Instant now() {
        return Instant.now().plusNanos(offsetNanos.get());
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.compareTo(Duration.ofSeconds(1)) >= 0) {
            advance(duration);
            skippedNanos.addAndGet(duration.toNanos());
        } else {
            BrokerClock.SYSTEM.sleep(duration);
        }
    }

    public void advance(Duration duration) {
        offsetNanos.addAndGet(duration.toNanos());
    }

    /** How long the adapter asked to wait in long waits, which this clock skipped. */
    public Duration skipped() {
        return Duration.ofNanos(skippedNanos.get());
    }
}
