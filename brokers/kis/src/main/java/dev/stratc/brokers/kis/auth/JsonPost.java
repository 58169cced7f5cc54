package dev.stratc.brokers.kis.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.rest.KisJson;
import java.io.IOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** One JSON POST to an auth endpoint, answered by a status and a (key-folded) JSON body. */
final class JsonPost {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    record Reply(int status, JsonNode body) {
    }

    private JsonPost() {
    }

    static Reply post(OkHttpClient http, String url, Map<String, String> headers, Map<String, String> body) {
        String json;
        try {
            json = KisJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
        headers.forEach(request::header);
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            try {
                return new Reply(response.code(), KisJson.parse(text.isBlank() ? "{}" : text));
            } catch (JsonProcessingException e) {
                throw new KisException("KIS answered " + url + " with HTTP " + response.code() + " and a body that is"
                        + " not JSON");
            }
        } catch (IOException e) {
            throw new KisException("cannot reach KIS at " + url + ": " + e.getMessage(), e);
        }
    }
}
