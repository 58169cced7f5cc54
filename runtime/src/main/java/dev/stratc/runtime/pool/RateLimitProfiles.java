package dev.stratc.runtime.pool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.runtime.broker.BrokerAccount;

/**
 * The brokers' published rate limits, as the pool applies them per account (docs: shared/refs/kis-api.md §7,
 * binance-api.md §4). A KIS account may state its key's limit with {@code requests_per_second}.
 */
public final class RateLimitProfiles {
    /**
     * KIS's limits are kept with this margin (as the adapter's own per-key limiter does), so the pool never plans
     * polling the adapter would have to hold back.
     */
    public static final double KIS_SAFETY_MARGIN = 0.10;

    private final TokenBucket binanceIpWeight = new TokenBucket("binance request weight (per IP)", 6000, 100,
            System::nanoTime);
    /** KIS counts requests per app key: accounts naming the same key variable share its bucket. */
    private final Map<String, TokenBucket> kisKeys = new HashMap<>();

    /** The limits of one account; Binance accounts of this host share one request-weight bucket. */
    public List<RateLimit> forAccount(BrokerAccount account) {
        return switch (account.broker()) {
            case "kis" -> {
                double limit = account.setting("requests_per_second").map(Double::parseDouble)
                        .orElse(account.isPaper() ? 2.0 : 20.0);
                double perSecond = limit / (1 + KIS_SAFETY_MARGIN);
                // the placeholder's text (${KIS_APP_KEY_1}) names the key without revealing it
                String key = account.environment() + " " + account.settings().getOrDefault("app_key", account.id());
                TokenBucket bucket = kisKeys.computeIfAbsent(key, k -> new TokenBucket(account.id() + " REST",
                        Math.max(1, Math.floor(perSecond)), perSecond, System::nanoTime));
                yield List.of(RateLimit.everyRequest(bucket));
            }
            case "kiwoom" -> {
                // Kiwoom: 5 queries and 5 orders a second per key (terms), 1 query a second on 모의투자; the
                // adapter also paces each api-id (about 1/s). The pool plans within the key-wide budget.
                double queries = account.setting("queries_per_second").map(Double::parseDouble)
                        .orElse(account.isPaper() ? 1.0 : 5.0);
                String key = "kiwoom " + account.environment() + " "
                        + account.settings().getOrDefault("app_key", account.id());
                TokenBucket bucket = kisKeys.computeIfAbsent(key, k -> new TokenBucket(account.id() + " REST",
                        Math.max(1, Math.floor(queries)), queries, System::nanoTime));
                yield List.of(RateLimit.everyRequest(bucket));
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
