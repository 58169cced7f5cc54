package dev.stratc.runtime.pool;

import java.util.List;
import java.util.Map;

import dev.stratc.runtime.broker.BrokerAccount;

/**
 * The brokers' published rate limits, as the pool applies them per account (docs: shared/refs/kis-api.md §7,
 * binance-api.md §4). An account may lower its REST rate with {@code requests_per_second}.
 */
public final class RateLimitProfiles {
    private final TokenBucket binanceIpWeight = new TokenBucket("binance request weight (per IP)", 6000, 100,
            System::nanoTime);

    /** The limits of one account; Binance accounts of this host share one request-weight bucket. */
    public List<RateLimit> forAccount(BrokerAccount account) {
        return switch (account.broker()) {
            case "kis" -> {
                double perSecond = account.setting("requests_per_second").map(Double::parseDouble)
                        .orElse(account.isPaper() ? 2.0 : 20.0);
                yield List.of(RateLimit.everyRequest(new TokenBucket(account.id() + " REST", perSecond, perSecond,
                        System::nanoTime)));
            }
            case "binance" -> List.of(
                    new RateLimit(binanceIpWeight, Map.of(RequestKind.QUERY, 20.0, RequestKind.QUOTES, 4.0,
                            RequestKind.ORDER, 1.0, RequestKind.CANCEL, 1.0)),
                    RateLimit.ordersOnly(new TokenBucket(account.id() + " orders per 10 s", 100, 10, System::nanoTime)),
                    RateLimit.ordersOnly(new TokenBucket(account.id() + " orders per day", 200_000, 200_000 / 86_400.0,
                            System::nanoTime)));
            default -> List.of();
        };
    }
}
