package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time, except that waits of half a second or more (the 1700 back-off's pauses) move this clock forward
 * instead of sleeping, and are recorded. Shorter waits (the pace) really sleep: the mock counts in real time.
 */
final class SkippingClock implements BrokerClock {
    private final AtomicLong offset = new AtomicLong();
    final List<Duration> skipped = new CopyOnWriteArrayList<>();

    @Override
    public Instant now() {
        return Instant.now().plusNanos(offset.get());
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() + offset.get();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.compareTo(Duration.ofMillis(500)) >= 0) {
            offset.addAndGet(duration.toNanos());
            skipped.add(duration);
        } else {
            BrokerClock.SYSTEM.sleep(duration);
        }
    }
}
