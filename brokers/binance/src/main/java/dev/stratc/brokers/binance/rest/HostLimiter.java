package dev.stratc.brokers.binance.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The request-weight budget of one Binance host. Weight is counted per IP, so every account and sub-account
 * of this machine draws on the same budget: one instance per host, shared.
 *
 * <p>The budget follows {@code X-MBX-USED-WEIGHT-1M} from every response (the exchange's own count, which
 * includes other processes on this IP) plus what we have sent since; when the next request would exceed the
 * limit it waits for the next fixed one-minute window. A 429 pauses the host for its {@code Retry-After};
 * a 418 bans it: requests fail fast with {@link HostBannedException} until the ban ends.
 */
public final class HostLimiter {
    private final String host;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AlertSink alerts;
    private int weightPerMinute;
    private long windowMinute = -1;
    private int usedWeight;
    private Instant pausedUntil = Instant.MIN;
    private Instant bannedUntil = Instant.MIN;
    private String banReason = "";

    public HostLimiter(String host, int weightPerMinute, Clock clock, Sleeper sleeper, AlertSink alerts) {
        this.host = host;
        this.weightPerMinute = weightPerMinute;
        this.clock = clock;
        this.sleeper = sleeper;
        this.alerts = alerts;
    }

    public String host() {
        return host;
    }

    public synchronized void setWeightPerMinute(int limit) {
        this.weightPerMinute = limit;
    }

    /** Waits until {@code weight} may be spent, then reserves it. */
    public void acquire(int weight) throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                if (now.isBefore(bannedUntil)) {
                    throw new HostBannedException(host, bannedUntil, banReason);
                }
                rollWindow(now);
                if (now.isBefore(pausedUntil)) {
                    wait = Duration.between(now, pausedUntil);
                } else if (usedWeight + weight > weightPerMinute && usedWeight > 0) {
                    wait = Duration.ofMillis(60_000 - now.toEpochMilli() % 60_000);
                } else {
                    usedWeight += weight;
                    return;
                }
            }
            sleeper.sleep(wait);
        }
    }

    /** The exchange's count from {@code X-MBX-USED-WEIGHT-1M}; it wins over ours when higher. */
    public synchronized void observeUsedWeight(int used) {
        rollWindow(clock.instant());
        usedWeight = Math.max(usedWeight, used);
    }

    /** A 429: nothing goes to this host before {@code retryAfter} has passed. */
    public synchronized void rateLimited(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** A 418: the IP is banned; raise the alarm once and refuse all traffic until it ends. */
    public void banned(Duration retryAfter, String reason) {
        Instant until;
        synchronized (this) {
            until = clock.instant().plus(retryAfter);
            bannedUntil = until;
            banReason = reason;
        }
        alerts.alert("Binance " + host + " banned this IP (HTTP 418) until " + until + ": " + reason
                + ". All traffic to it is stopped until then.");
    }

    public synchronized int usedWeight() {
        rollWindow(clock.instant());
        return usedWeight;
    }

    public synchronized Instant bannedUntil() {
        return bannedUntil;
    }

    private void rollWindow(Instant now) {
        long minute = now.toEpochMilli() / 60_000;
        if (minute != windowMinute) {
            windowMinute = minute;
            usedWeight = 0;
        }
    }
}
