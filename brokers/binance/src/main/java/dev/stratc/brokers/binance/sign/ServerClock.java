package dev.stratc.brokers.binance.sign;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Binance's time as seen from here: the local clock plus an offset measured against {@code /api/v3/time}.
 * A request is refused (-1021) when its {@code timestamp} is 1 s ahead of the server or older than
 * {@code recvWindow}, so a drifting host clock would otherwise fail every signed call.
 *
 * <p>It is a {@link Clock} so that everything counted in Binance's fixed windows (request weight per minute,
 * orders per 10 seconds and per day) rolls over when the exchange's window does: a limiter on the local clock
 * of a host 4 s off would start a fresh minute 4 s early, or late, and earn a 429.
 */
public final class ServerClock extends Clock {
    private final Clock local;
    private volatile long offsetMillis;
    private volatile long synchronizedAtLocal = Long.MIN_VALUE;

    public ServerClock(Clock local) {
        this.local = local;
    }

    /** The server's current time in epoch milliseconds, as best known. */
    public long nowMillis() {
        return local.millis() + offsetMillis;
    }

    @Override
    public long millis() {
        return nowMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMillis());
    }

    /** Binance's windows are UTC (the day's order count resets at 00:00 UTC). */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Binance's clock is UTC");
    }

    public long localMillis() {
        return local.millis();
    }

    /**
     * Records a {@code serverTime} read between {@code sentAtLocal} and {@code receivedAtLocal}; the server
     * stamped it, on average, half-way through the round trip.
     */
    public void synchronize(long serverTime, long sentAtLocal, long receivedAtLocal) {
        offsetMillis = serverTime - (sentAtLocal + (receivedAtLocal - sentAtLocal) / 2);
        synchronizedAtLocal = receivedAtLocal;
    }

    /**
     * Whether the offset was measured, but longer than {@code maxAgeMillis} ago: clocks drift apart. (Never
     * measured is not stale: the first signed request's -1021, if any, measures it.)
     */
    public boolean measuredLongerAgoThan(long maxAgeMillis) {
        long at = synchronizedAtLocal;
        return at != Long.MIN_VALUE && local.millis() - at > maxAgeMillis;
    }

    public long offsetMillis() {
        return offsetMillis;
    }
}
