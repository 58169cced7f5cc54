package dev.stratc.brokers.kis.rest;

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

    /**
     * The key's limiter, counting with every process on the machine in {@code rate-<key>-<server>.ledger} under
     * {@code directory} (the token cache's); a session asking for a lower limit than the key has lowers it for
     * every session of this process.
     */
    public static KisRateLimiter forKey(KisEndpoints endpoints, KisCredentials credentials, double requestsPerSecond,
            java.nio.file.Path directory) {
        String name = "KIS key " + credentials.fingerprint();
        String server = new KisCredentials(endpoints.restBaseUrl(), "").fingerprint().substring(0, 8);
        KisRateLimiter limiter = BY_KEY.computeIfAbsent(endpoints.restBaseUrl() + " " + credentials.fingerprint(),
                key -> new KisRateLimiter(name, requestsPerSecond,
                        directory.resolve("rate-" + credentials.fingerprint() + "-" + server + ".ledger")));
        limiter.limitTo(requestsPerSecond);
        return limiter;
    }
}
