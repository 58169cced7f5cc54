package dev.stratc.brokers.kis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An app key and its secret. Never printed: {@link #toString()} shows only a fingerprint of the key, which is also
 * what names the key's token cache file.
 */
public record KisCredentials(String appKey, String appSecret) {

    public KisCredentials {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appSecret, "appSecret");
    }

    /** First 16 hex digits of SHA-256 of the app key: stable, safe to log, and unique enough to name files. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(appKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "KisCredentials[appKey=" + fingerprint() + "…, appSecret=***]";
    }
}
