package dev.stratc.brokers.binance.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An HMAC-SHA256 key: the signature is the lower-case hex HMAC of the payload keyed with the secret. */
public final class HmacKey implements ApiKey {
    private final String apiKey;
    private final SecretKeySpec secret;

    public HmacKey(String apiKey, String secretKey) {
        this.apiKey = requireText(apiKey, "apiKey");
        this.secret = new SecretKeySpec(requireText(secretKey, "secretKey").getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    @Override
    public String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "HmacKey[" + Redaction.of(apiKey) + "]";
    }

    static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value.strip();
    }
}
