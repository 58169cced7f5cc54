package dev.stratc.brokers.binance.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The unfilled-order count of one account (all its keys share it; sub-accounts have their own), fed from
 * {@code X-MBX-ORDER-COUNT-10S} and {@code X-MBX-ORDER-COUNT-1D}. A new order waits for the next 10-second
 * window when this one is full, and is refused outright when the day's count is spent. The windows are the
 * exchange's, so {@code clock} is the server clock (the day starts at 00:00 UTC by Binance's time).
 */
public final class OrderLimiter {
    private final String account;
    private final Clock clock;
    private final Sleeper sleeper;
    private int per10Seconds;
    private int perDay;
    private long window10s = -1;
    private int count10s;
    private long windowDay = -1;
    private int countDay;
    private Instant pausedUntil = Instant.MIN;

    public OrderLimiter(String account, int per10Seconds, int perDay, Clock clock, Sleeper sleeper) {
        this.account = account;
        this.per10Seconds = per10Seconds;
        this.perDay = perDay;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public synchronized void setLimits(int per10Seconds, int perDay) {
        this.per10Seconds = per10Seconds;
        this.perDay = perDay;
    }

    public void acquire() throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                roll(now);
                if (countDay >= perDay) {
                    throw new IllegalStateException("account " + account + " has placed its " + perDay
                            + " orders for today (Binance ORDERS 1 DAY limit); it can place more after 00:00 UTC");
                }
                if (now.isBefore(pausedUntil)) {
                    wait = Duration.between(now, pausedUntil);
                } else if (count10s >= per10Seconds) {
                    wait = Duration.ofMillis(10_000 - now.toEpochMilli() % 10_000);
                } else {
                    count10s++;
                    countDay++;
                    return;
                }
            }
            sleeper.sleep(wait);
        }
    }

    public synchronized void observe(Integer count10Seconds, Integer countToday) {
        roll(clock.instant());
        if (count10Seconds != null) {
            count10s = Math.max(count10s, count10Seconds);
        }
        if (countToday != null) {
            countDay = Math.max(countDay, countToday);
        }
    }

    /** A 429 with -1015: this account, not the host, waits. */
    public synchronized void rateLimited(Duration retryAfter) {
        pausedUntil = clock.instant().plus(retryAfter);
    }

    public synchronized int count10Seconds() {
        roll(clock.instant());
        return count10s;
    }

    private void roll(Instant now) {
        long millis = now.toEpochMilli();
        if (millis / 10_000 != window10s) {
            window10s = millis / 10_000;
            count10s = 0;
        }
        if (millis / 86_400_000 != windowDay) {
            windowDay = millis / 86_400_000;
            countDay = 0;
        }
    }
}
