package dev.stratc.brokers.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.sign.ApiKey;
import dev.stratc.brokers.binance.sign.Params;
import dev.stratc.brokers.binance.sign.PercentEncoding;
import dev.stratc.brokers.binance.sign.ServerClock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * HTTP to one Binance REST host: signing, the server clock, rate limits and error answers.
 *
 * <p>Signed requests carry every parameter in the query string (as the official JavaScript connector does),
 * so the signed payload is exactly the query sent. Each attempt is signed afresh with a new {@code timestamp}.
 * <ul>
 * <li>429: the host (or, for -1015, the account) waits {@code Retry-After}, then the request is retried a few
 *     times; a 429 means the request was not executed, so an order retried keeps its one client id.</li>
 * <li>418: the host is banned, an alert is raised, nothing is retried.</li>
 * <li>-1021: the clock offset is measured again from {@code /api/v3/time} and the request retried once; it is
 *     also measured again before a signed request when the last measurement is ten minutes old.</li>
 * </ul>
 */
public final class BinanceHttp {
    private static final int MAX_RATE_LIMIT_RETRIES = 5;
    /** A host clock drifts by milliseconds a minute; the offset is measured again this often while trading. */
    private static final long CLOCK_RESYNC_MILLIS = 10 * 60_000;
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final OkHttpClient http;
    private final HttpUrl base;
    private final ServerClock clock;
    private final HostLimiter host;
    private final ObjectMapper json;
    private final long recvWindowMillis;
    private final String timePath;

    public BinanceHttp(OkHttpClient http, HttpUrl base, ServerClock clock, HostLimiter host, ObjectMapper json,
            Duration recvWindow) {
        this(http, base, clock, host, json, recvWindow, "/api/v3/time");
    }

    /** @param timePath where the host tells its time: {@code /api/v3/time} on Spot, {@code /fapi/v1/time} on futures */
    public BinanceHttp(OkHttpClient http, HttpUrl base, ServerClock clock, HostLimiter host, ObjectMapper json,
            Duration recvWindow, String timePath) {
        if (recvWindow.toMillis() <= 0 || recvWindow.toMillis() > 60_000) {
            throw new IllegalArgumentException("recvWindow must be 1..60000 ms, is " + recvWindow.toMillis());
        }
        this.http = http;
        this.base = base;
        this.clock = clock;
        this.host = host;
        this.json = json;
        this.recvWindowMillis = recvWindow.toMillis();
        this.timePath = timePath;
    }

    public ServerClock clock() {
        return clock;
    }

    public HostLimiter hostLimiter() {
        return host;
    }

    public ObjectMapper json() {
        return json;
    }

    /** A public (security type NONE) GET. */
    public JsonNode get(String path, Params params, int weight) {
        return execute("GET", path, params, weight, null, null, true);
    }

    /** A signed (TRADE / USER_DATA) request; {@code orders} is the account's limiter when it places an order. */
    public JsonNode signed(String method, String path, Params params, int weight, ApiKey key, OrderLimiter orders) {
        if (clock.measuredLongerAgoThan(CLOCK_RESYNC_MILLIS)) {
            // timestamps and the weight minute both depend on it; a stale offset would earn -1021s and 429s
            synchronizeClock();
        }
        return execute(method, path, params, weight, key, orders, true);
    }

    /** A USER_STREAM request (a listenKey's creation and keep-alive): the API key header, no signature. */
    public JsonNode keyed(String method, String path, int weight, ApiKey key) {
        return execute(method, path, Params.of(), weight, key, null, false);
    }

    /** Measures the offset between this host's clock and Binance's from {@code GET /api/v3/time} (or the futures one). */
    public void synchronizeClock() {
        long sent = clock.localMillis();
        JsonNode time = get(timePath, Params.of(), 1);
        long received = clock.localMillis();
        clock.synchronize(time.path("serverTime").asLong(), sent, received);
    }

    private JsonNode execute(String method, String path, Params params, int weight, ApiKey key, OrderLimiter orders,
            boolean sign) {
        boolean resynced = false;
        for (int attempt = 0; ; attempt++) {
            String requestLine = method + " " + path;
            HostLimiter.Permit permit;
            try {
                if (orders != null) {
                    orders.acquire();
                }
                permit = host.acquire(weight);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(requestLine + " interrupted while waiting for the rate limit", e);
            }
            // signed after the wait, so the timestamp is fresh
            Request request = build(method, path, params, key, sign);
            Response response;
            try {
                response = http.newCall(request).execute();
            } catch (InterruptedIOException e) {
                host.unanswered(permit);
                throw new UncheckedIOException(requestLine + " timed out; its outcome is unknown", e);
            } catch (IOException e) {
                host.unanswered(permit);
                throw new UncheckedIOException(requestLine + " failed: " + e.getMessage(), e);
            }
            try (response) {
                host.answered(permit, intHeader(response.headers(), "X-MBX-USED-WEIGHT-1M"));
                observeOrderCounts(response.headers(), orders);
                String body = response.body() == null ? "" : response.body().string();
                int status = response.code();
                if (response.isSuccessful()) {
                    return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
                }
                JsonNode error = parseError(body);
                int code = error.path("code").asInt(0);
                String message = error.path("msg").asText(body) + cancelReplaceDetail(error.path("data"));
                Duration retryAfter = retryAfter(response.headers());
                if (status == 418) {
                    host.banned(retryAfter.isZero() ? Duration.ofMinutes(2) : retryAfter, message);
                    throw new HostBannedException(host.host(), host.bannedUntil(), message);
                }
                if (status == 429) {
                    Duration wait = retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
                    if (code == BinanceApiException.TOO_MANY_ORDERS && orders != null) {
                        orders.rateLimited(wait);
                    } else {
                        host.rateLimited(wait);
                    }
                    if (attempt < MAX_RATE_LIMIT_RETRIES) {
                        continue;
                    }
                }
                if (code == BinanceApiException.INVALID_TIMESTAMP && key != null && sign && !resynced) {
                    resynced = true;
                    synchronizeClock();
                    continue;
                }
                throw new BinanceApiException(requestLine, status, code, message);
            } catch (InterruptedIOException e) {
                throw new UncheckedIOException(requestLine + " timed out; its outcome is unknown", e);
            } catch (IOException e) {
                throw new UncheckedIOException(requestLine + " failed: " + e.getMessage(), e);
            }
        }
    }

    private Request build(String method, String path, Params params, ApiKey key, boolean sign) {
        String query;
        Request.Builder builder = new Request.Builder();
        if (key != null && !sign) {
            query = params.encoded();
            builder.header("X-MBX-APIKEY", key.apiKey());
        } else if (key != null) {
            Params signed = params.copy().add("recvWindow", recvWindowMillis).add("timestamp", clock.nowMillis());
            String payload = signed.encoded();
            query = payload + "&signature=" + PercentEncoding.encode(key.sign(payload));
            builder.header("X-MBX-APIKEY", key.apiKey());
        } else {
            query = params.encoded();
        }
        HttpUrl url = base.newBuilder().encodedPath(path).encodedQuery(query.isEmpty() ? null : query).build();
        return builder.url(url).method(method, method.equals("GET") ? null : EMPTY).build();
    }

    private static void observeOrderCounts(Headers headers, OrderLimiter orders) {
        if (orders != null) {
            orders.observe(intHeader(headers, "X-MBX-ORDER-COUNT-10S"), intHeader(headers, "X-MBX-ORDER-COUNT-1D"));
        }
    }

    private JsonNode parseError(String body) {
        try {
            return json.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException notJson) {
            return json.createObjectNode().put("msg", body);
        }
    }

    /** A failed cancelReplace says in {@code data} which half failed and why. */
    private static String cancelReplaceDetail(JsonNode data) {
        StringBuilder detail = new StringBuilder();
        for (String half : new String[] {"cancelResponse", "newOrderResponse"}) {
            JsonNode response = data.path(half);
            if (response.has("code")) {
                detail.append(" (").append(half.equals("cancelResponse") ? "cancel" : "new order").append(": ")
                        .append(response.path("code").asInt()).append(' ').append(response.path("msg").asText()).append(')');
            }
        }
        return detail.toString();
    }

    private static Duration retryAfter(Headers headers) {
        Integer seconds = intHeader(headers, "Retry-After");
        return seconds == null ? Duration.ZERO : Duration.ofSeconds(seconds);
    }

    private static Integer intHeader(Headers headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
