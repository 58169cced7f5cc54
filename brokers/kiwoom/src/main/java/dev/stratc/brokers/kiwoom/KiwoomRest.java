package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every TR call of one account, as Kiwoom wants it: {@code POST} + JSON to the TR's path, the {@code api-id} header,
 * {@code authorization: Bearer}, paced by the key's {@link KiwoomRateLimiter}.
 *
 * <ul>
 *   <li>{@code return_code} other than 0 (delivered with HTTP 200) is an error; {@code 1700} in the message (or HTTP
 *       429) pauses the api-id and sends again, at most {@link #RATE_LIMIT_RETRIES} times — Kiwoom did nothing with
 *       a refused request, so even an order is safe to send again.</li>
 *   <li>8005/8031/8103 or HTTP 401: one new token and one more try; a refusal of that token is final.</li>
 *   <li>{@link #pages}: while the reply says {@code cont-yn: Y}, the same body again with {@code cont-yn} and
 *       {@code next-key}, to the end (or until the caller has enough). A repeated {@code next-key} stops it.</li>
 * </ul>
 */
public final class KiwoomRest {
    static final int RATE_LIMIT_RETRIES = 6;
    /** More pages than any query of a trading day needs; a guard against a server that never says N. */
    static final int MAX_PAGES = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(KiwoomRest.class);

    public static final String ACCOUNT = "/api/dostk/acnt";
    public static final String ORDER = "/api/dostk/ordr";
    public static final String CHART = "/api/dostk/chart";
    public static final String STOCK_INFO = "/api/dostk/stkinfo";
    public static final String MARKET = "/api/dostk/mrkcond";

    private final KiwoomConfig config;
    private final KiwoomHttp http;
    private final KiwoomTokens tokens;
    private final KiwoomRateLimiter limiter;
    private final BrokerClock clock;

    public KiwoomRest(KiwoomConfig config, KiwoomHttp http, KiwoomTokens tokens, KiwoomRateLimiter limiter,
            BrokerClock clock) {
        this.config = config;
        this.http = http;
        this.tokens = tokens;
        this.limiter = limiter;
        this.clock = clock;
    }

    public KiwoomConfig config() {
        return config;
    }

    /** One page. */
    public JsonNode call(String apiId, String path, ObjectNode body) {
        return send(apiId, path, body, null, null).body();
    }

    /** Every page's body, in order, while {@code wantMore} says the last one is not enough. */
    public List<JsonNode> pages(String apiId, String path, ObjectNode body, Predicate<JsonNode> wantMore) {
        List<JsonNode> pages = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        KiwoomHttp.Reply reply = send(apiId, path, body, null, null);
        pages.add(reply.body());
        while (reply.more() && wantMore.test(reply.body()) && pages.size() < MAX_PAGES) {
            if (!keys.add(reply.nextKey())) {
                LOG.warn("Kiwoom {}: next-key {} came twice; stopping the paging there", apiId, reply.nextKey());
                break;
            }
            reply = send(apiId, path, body, "Y", reply.nextKey());
            pages.add(reply.body());
        }
        return pages;
    }

    /** Every row of {@code listField} over all pages. */
    public List<JsonNode> rows(String apiId, String path, ObjectNode body, String listField) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode page : pages(apiId, path, body, p -> true)) {
            rows.addAll(KiwoomJson.rows(page, listField));
        }
        return rows;
    }

    private KiwoomHttp.Reply send(String apiId, String path, ObjectNode body, String contYn, String nextKey) {
        try {
            KiwoomTokens.Token token = tokens.current();
            boolean renewed = false;
            for (int attempt = 0; ; attempt++) {
                limiter.acquire(apiId);
                KiwoomHttp.Reply reply = http.post(config.restUrl() + path, apiId, token.value(), contYn, nextKey, body);
                KiwoomException error = error(apiId, reply);
                if (error == null) {
                    limiter.succeeded(apiId);
                    return reply;
                }
                if (error.isRateLimited() && attempt < RATE_LIMIT_RETRIES) {
                    Duration pause = limiter.refused(apiId);
                    LOG.info("Kiwoom {} of account {}: refused by the request-count limit; again in {} ms", apiId,
                            config.id(), pause.toMillis());
                    continue;
                }
                if (error.isTokenRejected() && !renewed) {
                    renewed = true;
                    var fresh = tokens.renewAfterRejection(token);
                    if (fresh.isPresent()) {
                        token = fresh.get();
                        continue;
                    }
                }
                throw error;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KiwoomException("interrupted while calling Kiwoom " + apiId, e);
        }
    }

    private KiwoomException error(String apiId, KiwoomHttp.Reply reply) {
        int rc = KiwoomJson.returnCode(reply.body());
        if (reply.status() == 200 && rc == 0) {
            return null;
        }
        String message = KiwoomJson.text(reply.body(), "return_msg").strip();
        int code = KiwoomException.detailCode(rc, message);
        String text = "Kiwoom " + apiId + " (account " + config.id() + "): " + (reply.status() == 200 ? ""
                : "HTTP " + reply.status() + ", ") + "return_code " + rc + (message.isEmpty() ? "" : " " + message)
                + KiwoomErrors.hint(code);
        boolean auth = reply.status() == 401 || (code >= 8000 && code < 8200);
        return auth ? new KiwoomAuthException(text, reply.status(), rc, code)
                : new KiwoomException(text, reply.status(), rc, code, null);
    }
}
