package dev.stratc.brokers.binance.sign;

import java.time.Clock;

/**
 * Binance's time as seen from here: the local clock plus an offset measured against {@code /api/v3/time}.
 * A request is refused (-1021) when its {@code timestamp} is 1 s ahead of the server or older than
 * {@code recvWindow}, so a drifting host clock would otherwise fail every signed call.
 */
public final class ServerClock {
    private final Clock local;
    private volatile long offsetMillis;

    public ServerClock(Clock local) {
        this.local = local;
    }

    /** The server's current time in epoch milliseconds, as best known. */
    public long nowMillis() {
        return local.millis() + offsetMillis;
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
    }

    public long offsetMillis() {
        return offsetMillis;
    }
}
