package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** One {@code POST} with a JSON body and Kiwoom's headers; no retries, no interpretation of the answer. */
public final class KiwoomHttp {
    static final MediaType JSON = MediaType.get("application/json;charset=UTF-8");

    /** The answer: HTTP status, the JSON body ({@code {}} when not JSON) and the paging headers. */
    public record Reply(int status, JsonNode body, String contYn, String nextKey) {
        public boolean more() {
            return "Y".equalsIgnoreCase(contYn) && !nextKey.isBlank();
        }
    }

    private final OkHttpClient client;

    public KiwoomHttp(OkHttpClient client) {
        this.client = client;
    }

    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS)
                .build();
    }

    public OkHttpClient client() {
        return client;
    }

    /**
     * @param token   the access token, {@code null} for au10001/au10002
     * @param contYn  {@code "Y"} on a follow-up page, else {@code null}
     */
    public Reply post(String url, String apiId, String token, String contYn, String nextKey, JsonNode body) {
        Request.Builder request = new Request.Builder().url(url)
                .header("api-id", apiId)
                .post(RequestBody.create(body.toString(), JSON));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        if (contYn != null) {
            request.header("cont-yn", contYn).header("next-key", nextKey == null ? "" : nextKey);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            JsonNode json;
            try {
                json = KiwoomJson.parse(text);
            } catch (KiwoomException notJson) { // the mock host once answered text/html 400 on /oauth2/token
                json = KiwoomJson.MAPPER.createObjectNode().put("return_code", -1)
                        .put("return_msg", "HTTP " + response.code() + " with a body that is not JSON");
            }
            return new Reply(response.code(), json, header(response, "cont-yn"), header(response, "next-key"));
        } catch (IOException e) {
            throw new KiwoomTransportException("Kiwoom " + apiId + " at " + url + ": " + e.getMessage(), e);
        }
    }

    private static String header(Response response, String name) {
        String value = response.header(name);
        return value == null ? "" : value.strip();
    }
}
