package dev.stratc.brokers.kis;

import java.util.Objects;

/**
 * Where the REST and WebSocket servers are. Defaults are KIS's published hosts for the mode; both can be
 * overridden (a local mock, a proxy, a new host).
 *
 * @param restBaseUrl scheme, host and port, without a trailing slash ({@code https://openapi.koreainvestment.com:9443})
 * @param webSocketUrl full URL of the real-time socket ({@code ws://ops.koreainvestment.com:21000/tryitout})
 */
public record KisEndpoints(String restBaseUrl, String webSocketUrl) {

    public KisEndpoints {
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(webSocketUrl, "webSocketUrl");
        restBaseUrl = restBaseUrl.endsWith("/") ? restBaseUrl.substring(0, restBaseUrl.length() - 1) : restBaseUrl;
    }

    public static KisEndpoints defaults(KisMode mode) {
        return switch (mode) {
            case REAL -> new KisEndpoints("https://openapi.koreainvestment.com:9443",
                    "ws://ops.koreainvestment.com:21000/tryitout");
            case PAPER -> new KisEndpoints("https://openapivts.koreainvestment.com:29443",
                    "ws://ops.koreainvestment.com:31000/tryitout");
        };
    }

    /** These endpoints with whichever of the two overrides is non-blank. */
    public KisEndpoints override(String restBaseUrl, String webSocketUrl) {
        return new KisEndpoints(isBlank(restBaseUrl) ? this.restBaseUrl : restBaseUrl,
                isBlank(webSocketUrl) ? this.webSocketUrl : webSocketUrl);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
