package dev.stratc.brokers.kiwoom;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything needed to trade one Kiwoom account. There is no account number: Kiwoom binds the account to the app key.
 *
 * @param id                 the account's name in stratc
 * @param exchange           where orders go: {@code KRX} (the only one on 모의투자), {@code NXT} or {@code SOR}
 * @param maxStreamedSymbols how many symbols one WebSocket session registers; Kiwoom publishes no limit
 * @param commissionPercent  the fee charged to each fill (Kiwoom's notices carry fees, used when present)
 */
public record KiwoomConfig(String id, KiwoomEnvironment environment, String appKey, String secretKey, String restUrl,
        String webSocketUrl, Path tokenCacheDir, KiwoomLimits limits, String exchange, int maxStreamedSymbols,
        double commissionPercent, double sellTaxPercent) {

    /** Kiwoom publishes no per-connection limit; 100 (the most codes ka10095 takes) is where we stop. */
    public static final int DEFAULT_MAX_STREAMED = 100;

    public KiwoomConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(tokenCacheDir, "tokenCacheDir");
        restUrl = restUrl == null || restUrl.isBlank() ? environment.restUrl() : strip(restUrl);
        webSocketUrl = webSocketUrl == null || webSocketUrl.isBlank() ? environment.webSocketUrl() : webSocketUrl.strip();
        limits = limits == null ? KiwoomLimits.defaults(environment) : limits;
        exchange = exchange == null || exchange.isBlank() ? "KRX" : exchange.strip().toUpperCase(java.util.Locale.ROOT);
        if (!environment.supports(exchange)) {
            throw new KiwoomException("Kiwoom account " + id + ": exchange '" + exchange + "' is not available on "
                    + (environment == KiwoomEnvironment.MOCK ? "모의투자 (KRX only)" : "Kiwoom (KRX, NXT or SOR)"));
        }
        if (maxStreamedSymbols <= 0) {
            maxStreamedSymbols = DEFAULT_MAX_STREAMED;
        }
    }

    /** A config of the defaults, for tests and tools. */
    public static KiwoomConfig of(String id, KiwoomEnvironment environment, String appKey, String secretKey,
            String restUrl, String webSocketUrl, Path tokenCacheDir, KiwoomLimits limits) {
        return new KiwoomConfig(id, environment, appKey, secretKey, restUrl, webSocketUrl, tokenCacheDir, limits,
                "KRX", 0, 0.015, 0.20);
    }

    private static String strip(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** A short stable name of the app key, for file names and messages; never the key itself. */
    public String keyFingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((environment + ":" + appKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fee and tax on a fill of {@code value} won. */
    public double fees(double value, boolean sell) {
        return value * (commissionPercent + (sell ? sellTaxPercent : 0)) / 100;
    }

    @Override
    public String toString() {
        return "KiwoomConfig[id=" + id + ", environment=" + environment + ", key=" + keyFingerprint() + ", rest="
                + restUrl + ", exchange=" + exchange + "]";
    }
}
