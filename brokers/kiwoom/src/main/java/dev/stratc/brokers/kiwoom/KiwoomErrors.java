package dev.stratc.brokers.kiwoom;

import java.util.Map;

/** What to do about Kiwoom's error codes (the spec's common error table). */
final class KiwoomErrors {
    private static final Map<Integer, String> HINTS = Map.ofEntries(
            Map.entry(1700, "the request-count limit: lower queries_per_second / per_api_id_per_second"),
            Map.entry(1634, "too many codes in one request (at most 100)"),
            Map.entry(1901, "unknown market code"),
            Map.entry(1902, "no such stock code"),
            Map.entry(8001, "the app key and secret key do not match: check secret_key"),
            Map.entry(8002, "the app key and secret key do not match: check secret_key"),
            Map.entry(8005, "the token is no longer valid"),
            Map.entry(8010, "the token was issued to another IP address"),
            Map.entry(8020, "app_key or secret_key is empty"),
            Map.entry(8030, "this app key belongs to the other environment (real vs 모의투자): check environment"),
            Map.entry(8031, "this token belongs to the other environment (real vs 모의투자): check environment"),
            Map.entry(8040, "this machine's IP address is not registered for the key at openapi.kiwoom.com"),
            Map.entry(8050, "this machine's IP address is not registered for the key at openapi.kiwoom.com"),
            Map.entry(8103, "token or terminal authentication failed"));

    private KiwoomErrors() {
    }

    static String hint(int code) {
        String hint = HINTS.get(code);
        return hint == null ? "" : " — " + hint;
    }
}
