package dev.stratc.brokers.kis.rest;

import dev.stratc.brokers.kis.KisClock;
import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisEndpoints;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link KisRateLimiter} per app key and server in this process: KIS counts requests per key, so every session
 * of the key (accounts sharing it, a run and a download, the pool's polling and the orders) draws on one budget.
 */
public final class KisRateLimiters {

    private static final Map<String, KisRateLimiter> BY_KEY = new ConcurrentHashMap<>();

    private KisRateLimiters() {
    }

    /** The key's limiter; a session asking for a lower limit than the key has lowers it for every session. */
    public static KisRateLimiter forKey(KisEndpoints endpoints, KisCredentials credentials, double requestsPerSecond,
            KisClock clock) {
        String name = "KIS key " + credentials.fingerprint();
        KisRateLimiter limiter = BY_KEY.computeIfAbsent(endpoints.restBaseUrl() + " " + credentials.fingerprint(),
                key -> new KisRateLimiter(name, requestsPerSecond, clock));
        limiter.limitTo(requestsPerSecond);
        return limiter;
    }
}
