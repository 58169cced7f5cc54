package dev.stratc.runtime.pool;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code refillPerSecond}. One bucket can be
 * shared by several accounts (Binance's request weight is counted per IP address).
 */
public final class TokenBucket {
    private final String name;
    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;
    private long granted;
    private long refused;

    public TokenBucket(String name, double capacity, double refillPerSecond, LongSupplier nanoClock) {
        if (!(capacity > 0) || !(refillPerSecond > 0)) {
            throw new IllegalArgumentException(name + ": capacity and refill rate must be positive");
        }
        this.name = name;
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    /** A bucket of {@code perSecond} requests a second with a burst of the same size. */
    public static TokenBucket perSecond(String name, double perSecond) {
        return new TokenBucket(name, perSecond, perSecond, System::nanoTime);
    }

    public String name() {
        return name;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * refillPerNano);
        last = now;
    }

    public synchronized boolean tryAcquire(double cost) {
        refill();
        if (tokens >= cost) {
            tokens -= cost;
            granted++;
            return true;
        }
        refused++;
        return false;
    }

    /** How long until {@code cost} tokens are there, in nanoseconds; 0 when they are now. */
    public synchronized long nanosUntil(double cost) {
        refill();
        return tokens >= cost ? 0 : (long) Math.ceil((cost - tokens) / refillPerNano);
    }

    /** The share of the bucket in use now, 0 (idle) to 1 (empty). */
    public synchronized double utilization() {
        refill();
        return Math.max(0, 1 - tokens / capacity);
    }

    public double refillPerSecond() {
        return refillPerNano * 1e9;
    }

    public synchronized long granted() {
        return granted;
    }

    public synchronized long refused() {
        return refused;
    }
}
