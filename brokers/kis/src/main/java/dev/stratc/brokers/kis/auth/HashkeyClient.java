package dev.stratc.brokers.kis.auth;

import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisEndpoints;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.rest.KisJson;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * {@code POST /uapi/hashkey}: a digest of an order body, sent back as the {@code hashkey} header. KIS documents it
 * as optional (tamper protection); it is used only when the account's configuration asks for it.
 */
public final class HashkeyClient {

    private final OkHttpClient http;
    private final KisEndpoints endpoints;
    private final KisCredentials credentials;

    public HashkeyClient(OkHttpClient http, KisEndpoints endpoints, KisCredentials credentials) {
        this.http = http;
        this.endpoints = endpoints;
        this.credentials = credentials;
    }

    public String hash(Map<String, String> orderBody) {
        JsonPost.Reply reply = JsonPost.post(http, endpoints.restBaseUrl() + "/uapi/hashkey",
                Map.of("appkey", credentials.appKey(), "appsecret", credentials.appSecret()), orderBody);
        String hash = KisJson.text(reply.body(), "hash");
        if (reply.status() != 200 || hash.isEmpty()) {
            throw new KisException("KIS refused a hashkey (HTTP " + reply.status() + ")");
        }
        return hash;
    }
}
