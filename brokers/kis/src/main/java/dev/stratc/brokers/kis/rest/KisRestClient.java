package dev.stratc.brokers.kis.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.kis.KisApiException;
import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisEndpoints;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.KisOrderRejectedException;
import dev.stratc.brokers.kis.auth.AccessToken;
import dev.stratc.brokers.kis.auth.AccessTokenProvider;
import dev.stratc.brokers.kis.auth.HashkeyClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's REST channel: the common headers, the key's rate limit, the {@code rt_cd} envelope, retry on {@code EGW00201},
 * one token renewal on {@code EGW00121}/{@code EGW00123}, and {@code tr_cont} pagination.
 */
public final class KisRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(KisRestClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final KisEndpoints endpoints;
    private final KisCredentials credentials;
    private final String custType;
    private final AccessTokenProvider tokens;
    private final KisRateLimiter limiter;
    private final HashkeyClient hashkeys;
    private final int rateLimitRetries;

    /**
     * @param hashkeys         signs order bodies when non-null
     * @param rateLimitRetries how many {@code EGW00201} refusals one call absorbs before it fails
     */
    public KisRestClient(OkHttpClient http, KisEndpoints endpoints, KisCredentials credentials, String custType,
            AccessTokenProvider tokens, KisRateLimiter limiter, HashkeyClient hashkeys, int rateLimitRetries) {
        this.http = http;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.custType = custType;
        this.tokens = tokens;
        this.limiter = limiter;
        this.hashkeys = hashkeys;
        this.rateLimitRetries = rateLimitRetries;
    }

    public KisRateLimiter limiter() {
        return limiter;
    }

    /** An inquiry. {@code trCont} is {@code ""} for a first page and {@code "N"} for the next. */
    public KisResponse get(String operation, String path, String trId, Map<String, String> params, String trCont) {
        HttpUrl.Builder url = HttpUrl.get(endpoints.restBaseUrl() + path).newBuilder();
        params.forEach(url::addQueryParameter);
        Request.Builder request = new Request.Builder().url(url.build()).get().header("tr_cont", trCont);
        return execute(operation, trId, request, false);
    }

    /** An order, revision or cancellation. Its refusals are {@link KisOrderRejectedException}s. */
    public KisResponse postOrder(String operation, String path, String trId, Map<String, String> body) {
        String json;
        try {
            json = KisJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Request.Builder request = new Request.Builder().url(endpoints.restBaseUrl() + path)
                .post(RequestBody.create(json, JSON));
        if (hashkeys != null) {
            request.header("hashkey", hashkeys.hash(body));
        }
        return execute(operation, trId, request, true);
    }

    /**
     * All pages of a paginated account inquiry: sends the context keys back ({@code CTX_AREA_FK100/NK100}, or the
     * 200 variants for overseas) with {@code tr_cont: N} while KIS says more follow.
     */
    public List<KisResponse> getAllPages(String operation, String path, String trId, Map<String, String> params,
            int contextWidth, int maxPages) {
        String fk = "CTX_AREA_FK" + contextWidth;
        String nk = "CTX_AREA_NK" + contextWidth;
        Map<String, String> pageParams = new LinkedHashMap<>(params);
        pageParams.putIfAbsent(fk, "");
        pageParams.putIfAbsent(nk, "");
        List<KisResponse> pages = new ArrayList<>();
        String trCont = "";
        while (true) {
            KisResponse page = get(operation, path, trId, pageParams, trCont);
            pages.add(page);
            if (!page.hasMore()) {
                return pages;
            }
            if (pages.size() >= maxPages) {
                throw new KisException(operation + ": more than " + maxPages + " pages; narrow the inquiry");
            }
            // The context keys go back exactly as received, padding included, as the official client does.
            pageParams.put(fk, raw(page.body(), fk));
            pageParams.put(nk, raw(page.body(), nk));
            trCont = "N";
        }
    }

    private static String raw(JsonNode body, String field) {
        JsonNode value = body.get(field.toLowerCase(java.util.Locale.ROOT));
        return value == null ? "" : value.asText();
    }

    private KisResponse execute(String operation, String trId, Request.Builder request, boolean order) {
        boolean renewed = false;
        int rateLimited = 0;
        try {
            while (true) {
                AccessToken token = tokens.current();
                request.header("content-type", "application/json; charset=utf-8")
                        .header("authorization", "Bearer " + token.value())
                        .header("appkey", credentials.appKey())
                        .header("appsecret", credentials.appSecret())
                        .header("tr_id", trId)
                        .header("custtype", custType);
                Reply reply;
                try (KisRateLimiter.Permit ignored = limiter.acquire()) {
                    reply = send(operation, request.build());
                }
                String rtCd = KisJson.text(reply.body, "rt_cd");
                if ("0".equals(rtCd)) {
                    limiter.succeeded();
                    return new KisResponse(reply.body, reply.trCont);
                }
                String msgCd = KisJson.text(reply.body, "msg_cd");
                String msg1 = KisJson.text(reply.body, "msg1");
                if (rtCd.isEmpty() && msgCd.isEmpty()) {
                    throw new KisException(operation + " (tr_id " + trId + "): KIS answered HTTP " + reply.status
                            + " without a result code" + describeGatewayError(reply.body));
                }
                KisApiException error = order
                        ? new KisOrderRejectedException(operation, trId, rtCd, msgCd, msg1)
                        : new KisApiException(operation, trId, rtCd, msgCd, msg1);
                if (error.isRateLimited() && rateLimited < rateLimitRetries) {
                    rateLimited++;
                    limiter.slowDown();
                    LOG.debug("{}: EGW00201, slowing key {} to {} req/s and retrying", operation,
                            credentials.fingerprint(), String.format("%.1f", limiter.currentRate()));
                    continue;
                }
                if (error.isTokenRejected() && !renewed) {
                    renewed = true;
                    tokens.renewAfterRejection(token);
                    continue;
                }
                throw error;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisException(operation + " interrupted", e);
        }
    }

    private static String describeGatewayError(JsonNode body) {
        String code = KisJson.text(body, "error_code");
        return code.isEmpty() ? "" : ": [" + code + "] " + KisJson.text(body, "error_description");
    }

    private record Reply(int status, JsonNode body, String trCont) {
    }

    private Reply send(String operation, Request request) {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            String trCont = response.header("tr_cont", "");
            try {
                return new Reply(response.code(), KisJson.parse(text.isBlank() ? "{}" : text), trCont.strip());
            } catch (JsonProcessingException e) {
                throw new KisException(operation + ": KIS answered HTTP " + response.code() + " with a body that is"
                        + " not JSON");
            }
        } catch (IOException e) {
            throw new KisException(operation + ": cannot reach KIS at " + endpoints.restBaseUrl() + ": "
                    + e.getMessage(), e);
        }
    }
}
