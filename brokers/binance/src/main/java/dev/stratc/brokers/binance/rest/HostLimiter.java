package dev.stratc.brokers.binance.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The request-weight budget of one Binance host. Weight is counted per IP, so every account and sub-account
 * of this machine draws on the same budget: one instance per host, shared.
 *
 * <p>Binance counts weight in fixed one-minute windows of <em>its</em> clock, so the clock given here is the
 * server clock ({@link dev.stratc.brokers.binance.sign.ServerClock}), and our window starts a little after the
 * exchange's ({@link #WINDOW_GUARD}) to absorb the error of the clock sync: a request we count in the old
 * window may be counted in the new one, never the other way round.
 *
 * <p>{@code X-MBX-USED-WEIGHT-1M} is the truth: the exchange's count (including other processes on this IP,
 * and successful orders that cost nothing) replaces ours whenever a response brings it, plus what is still in
 * flight. When the next request would exceed the limit it waits for the next window. A 429 pauses the host
 * for its {@code Retry-After}; a 418 bans it: requests fail fast with {@link HostBannedException} until the
 * ban ends.
 */
public final class HostLimiter {
    /** How long after the server's minute boundary ours rolls over. */
    public static final Duration WINDOW_GUARD = Duration.ofMillis(500);
    private static final long WINDOW_GUARD_MILLIS = WINDOW_GUARD.toMillis();

    private final String host;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AlertSink alerts;
    private int weightPerMinute;
    private long windowMinute = -1;
    private int usedWeight;
    private int inFlight;
    private Instant pausedUntil = Instant.MIN;
    private Instant bannedUntil = Instant.MIN;
    private String banReason = "";

    /** Weight reserved by one request, and the window it was sent in. */
    public record Permit(int weight, long minute) {
    }

    /**
     * @param clock Binance's clock (the windows are the exchange's); a plain local clock only where no server
     *              clock is known
     */
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

    /** Waits until {@code weight} may be spent, then reserves it; hand the permit back with the answer. */
    public Permit acquire(int weight) throws InterruptedException {
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
                    wait = Duration.ofMillis(60_000 - Math.floorMod(now.toEpochMilli() - WINDOW_GUARD_MILLIS, 60_000));
                } else {
                    usedWeight += weight;
                    inFlight += weight;
                    return new Permit(weight, windowMinute);
                }
            }
            sleeper.sleep(wait);
        }
    }

    /**
     * The answer to a request: {@code used} is its {@code X-MBX-USED-WEIGHT-1M} (null when absent). The
     * exchange's count replaces ours, plus the weight of requests still on their way, unless the request was
     * sent in an earlier window of ours (then the count may be the old window's).
     */
    public synchronized void answered(Permit permit, Integer used) {
        inFlight = Math.max(0, inFlight - permit.weight());
        rollWindow(clock.instant());
        if (used != null && permit.minute() == windowMinute) {
            usedWeight = used + inFlight;
        }
    }

    /** A request that got no answer: its weight is no longer in flight (the exchange may have counted it). */
    public synchronized void unanswered(Permit permit) {
        inFlight = Math.max(0, inFlight - permit.weight());
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
        long minute = Math.floorDiv(now.toEpochMilli() - WINDOW_GUARD_MILLIS, 60_000);
        if (minute != windowMinute) {
            windowMinute = minute;
            usedWeight = 0;
        }
    }
}
