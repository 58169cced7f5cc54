package dev.stratc.brokers.kis.rest;

import dev.stratc.runtime.broker.BrokerClock;

/**
 * The request budget of one app key: at most {@code count} requests in any window of {@code count / rate}
 * seconds, stretched by a safety margin. KIS counts requests as they <em>arrive</em>, which is somewhere between
 * the moment we start sending and the moment the answer is back; so a request holds its place in the window from
 * its start until {@code window} after its answer. Whatever the network's delay, no rolling second at the server
 * then holds more than the limit.
 *
 * <p>When KIS still answers {@code EGW00201} (another program uses the key, a new key's lower limit, or the gateway
 * counts differently) the allowed rate drops by a third, down to a quarter, with fewer requests per window so no
 * burst reaches the old limit; after a run of accepted requests it recovers step by step.
 *
 * <p>Every session of a key in this process uses the same limiter ({@link KisRateLimiters}), and the limiters of
 * all processes on the machine count in one ledger file beside the key's token, so a run and a data download
 * share the key's budget whether they run in one process or two.
 */
public final class KisRateLimiter {

    /** The window is this much longer than the limit needs: KIS's clock and ours may disagree by some ms. */
    public static final double SAFETY_MARGIN = 0.10;

    private static final double SLOWDOWN = 1.5;
    private static final double MAX_SLOWDOWN = 4.0;
    private static final double RELAX = 1.25;
    private static final int SUCCESSES_BEFORE_RELAXING = 50;

    private final String name;
    /** The limit: {@code count} requests in {@code baseWindowNanos}. */
    private int count;
    private long baseWindowNanos;
    /** What {@code EGW00201} left of it: {@code allowed} requests in {@code windowNanos}. */
    private double slowdown = 1;
    private int allowed;
    private long windowNanos;
    private int successesSinceSlowdown;
    private long slowdowns;
    /** The key's recent requests: this process's, or every process's through a shared file. */
    private final RequestLedger ledger;

    /**
     * A limiter for this process alone.
     *
     * @param requestsPerSecond the most KIS accepts from this key in a second (20 real, 2 paper; lower for a new
     *                          key)
     */
    public KisRateLimiter(String name, double requestsPerSecond, BrokerClock clock) {
        this(name, requestsPerSecond, RequestLedger.inMemory(clock::nanoTime));
    }

    /** A limiter whose requests are counted in {@code ledgerFile} together with every other process's. */
    public KisRateLimiter(String name, double requestsPerSecond, java.nio.file.Path ledgerFile) {
        this(name, requestsPerSecond, RequestLedger.shared(ledgerFile));
    }

    private KisRateLimiter(String name, double requestsPerSecond, RequestLedger ledger) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requests_per_second must be positive, was " + requestsPerSecond);
        }
        this.name = name;
        this.ledger = ledger;
        configure(requestsPerSecond);
    }

    private void configure(double requestsPerSecond) {
        count = Math.max(1, (int) Math.floor(requestsPerSecond));
        baseWindowNanos = (long) (count / requestsPerSecond * 1e9 * (1 + SAFETY_MARGIN));
        applySlowdown();
    }

    private void applySlowdown() {
        allowed = Math.max(1, (int) Math.floor(count / slowdown));
        windowNanos = (long) (baseWindowNanos * allowed * slowdown / count);
    }

    /** Another session of the key asks for a lower limit: the key keeps the lower one. */
    synchronized void limitTo(double requestsPerSecond) {
        if (requestsPerSecond < requestsPerSecond()) {
            configure(requestsPerSecond);
            notifyAll();
        }
    }

    /** One request's place in the window; close it when the answer (or the failure) is in. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits until a request may start. The wait is real time (on this object's monitor), whatever the clock: the
     * server counts in real time.
     */
    public synchronized Permit acquire() throws InterruptedException {
        while (true) {
            RequestLedger.Take take = ledger.take(allowed, windowNanos);
            if (take.taken()) {
                return new Place(take.id());
            }
            long waitNanos = take.waitNanos();
            wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
        }
    }

    private final class Place implements Permit {
        private final long id;
        private boolean closed;

        Place(long id) {
            this.id = id;
        }

        @Override
        public void close() {
            synchronized (KisRateLimiter.this) {
                if (closed) {
                    return;
                }
                closed = true;
                ledger.answered(id);
                KisRateLimiter.this.notifyAll();
            }
        }
    }

    /** KIS said too many requests: slow down. */
    public synchronized void slowDown() {
        slowdown = Math.min(slowdown * SLOWDOWN, MAX_SLOWDOWN);
        applySlowdown();
        successesSinceSlowdown = 0;
        slowdowns++;
    }

    public synchronized void succeeded() {
        if (slowdown > 1 && ++successesSinceSlowdown >= SUCCESSES_BEFORE_RELAXING) {
            slowdown = Math.max(1, slowdown / RELAX);
            applySlowdown();
            successesSinceSlowdown = 0;
        }
    }

    public String name() {
        return name;
    }

    /** The limit this key is configured for, in requests per second. */
    public synchronized double requestsPerSecond() {
        return count * 1e9 * (1 + SAFETY_MARGIN) / baseWindowNanos;
    }

    /** The rate currently allowed (lower after {@code EGW00201}), in requests per second. */
    public synchronized double currentRate() {
        return allowed * 1e9 / windowNanos;
    }

    /** How many times KIS's {@code EGW00201} widened the window. */
    public synchronized long slowdowns() {
        return slowdowns;
    }
}
