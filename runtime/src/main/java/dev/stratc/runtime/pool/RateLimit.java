package dev.stratc.runtime.pool;

import java.util.Map;

/** A bucket and what each kind of request costs in it (kinds not listed cost nothing). */
public record RateLimit(TokenBucket bucket, Map<RequestKind, Double> costs) {
    public RateLimit {
        costs = Map.copyOf(costs);
    }

    public double cost(RequestKind kind) {
        return costs.getOrDefault(kind, 0.0);
    }

    /** Every request costs one token. */
    public static RateLimit everyRequest(TokenBucket bucket) {
        return new RateLimit(bucket, Map.of(RequestKind.ORDER, 1.0, RequestKind.CANCEL, 1.0,
                RequestKind.QUERY, 1.0, RequestKind.QUOTES, 1.0));
    }

    /** Only new orders count. */
    public static RateLimit ordersOnly(TokenBucket bucket) {
        return new RateLimit(bucket, Map.of(RequestKind.ORDER, 1.0));
    }
}
