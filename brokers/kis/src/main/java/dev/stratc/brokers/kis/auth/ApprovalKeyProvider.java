package dev.stratc.brokers.kis.auth;

import dev.stratc.brokers.kis.KisAuthException;
import dev.stratc.runtime.broker.BrokerClock;
import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisEndpoints;
import dev.stratc.brokers.kis.KisErrorCatalog;
import dev.stratc.brokers.kis.rest.KisJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The WebSocket approval key ({@code POST /oauth2/Approval}). Note the body names the secret {@code secretkey}, not
 * {@code appsecret}. The official samples re-issue it after a day; it is kept in memory only.
 */
public final class ApprovalKeyProvider {

    static final Duration VALIDITY = Duration.ofHours(23);

    private final OkHttpClient http;
    private final KisEndpoints endpoints;
    private final KisCredentials credentials;
    private final BrokerClock clock;

    private String key;
    private Instant issuedAt;

    public ApprovalKeyProvider(OkHttpClient http, KisEndpoints endpoints, KisCredentials credentials, BrokerClock clock) {
        this.http = http;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.clock = clock;
    }

    public synchronized String current() {
        if (key != null && clock.now().isBefore(issuedAt.plus(VALIDITY))) {
            return key;
        }
        JsonPost.Reply reply = JsonPost.post(http, endpoints.restBaseUrl() + "/oauth2/Approval", Map.of(),
                Map.of("grant_type", "client_credentials", "appkey", credentials.appKey(),
                        "secretkey", credentials.appSecret()));
        String value = KisJson.text(reply.body(), "approval_key");
        if (reply.status() != 200 || value.isEmpty()) {
            String code = KisJson.text(reply.body(), "error_code");
            throw new KisAuthException(code, "KIS refused a WebSocket approval key for app key "
                    + credentials.fingerprint() + "…: HTTP " + reply.status() + " " + code + " "
                    + KisJson.text(reply.body(), "error_description") + " " + KisErrorCatalog.hint(code));
        }
        key = value;
        issuedAt = clock.now();
        return key;
    }
}
