package dev.stratc.brokers.binance.sign;

/** How a key is shown in logs and messages: enough to tell two keys apart, never enough to use one. */
public final class Redaction {
    private Redaction() {
    }

    public static String of(String apiKey) {
        return apiKey.length() <= 8 ? "****" : apiKey.substring(0, 4) + "…" + apiKey.substring(apiKey.length() - 4);
    }
}
