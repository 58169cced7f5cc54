package dev.stratc.brokers.binance.config;

import okhttp3.HttpUrl;

/**
 * The three addresses an account talks to: REST, the WebSocket API (user data) and the market streams.
 *
 * @param rest   e.g. {@code https://api.binance.com}
 * @param wsApi  e.g. {@code wss://ws-api.binance.com:443/ws-api/v3}
 * @param stream e.g. {@code wss://stream.binance.com:9443} (the combined-stream path is added)
 */
public record BinanceEndpoints(String rest, String wsApi, String stream) {

    public static final BinanceEndpoints PRODUCTION = new BinanceEndpoints("https://api.binance.com",
            "wss://ws-api.binance.com:443/ws-api/v3", "wss://stream.binance.com:9443");

    /** Spot Testnet: virtual funds, no /sapi (so no sub-account endpoints); stratc's {@code paper} mode. */
    public static final BinanceEndpoints TESTNET = new BinanceEndpoints("https://testnet.binance.vision",
            "wss://ws-api.testnet.binance.vision/ws-api/v3", "wss://stream.testnet.binance.vision");

    /**
     * USDⓈ-M futures: REST {@code /fapi}, the futures WebSocket API, and the stream host whose {@code /market}
     * path carries market streams and {@code /private} the listenKey user data (Binance split them 2026-03-06).
     */
    public static final BinanceEndpoints FUTURES_PRODUCTION = new BinanceEndpoints("https://fapi.binance.com",
            "wss://ws-fapi.binance.com/ws-fapi/v1", "wss://fstream.binance.com");

    /** The futures testnet: stratc's {@code paper} mode for an account with {@code markets: usdm}. */
    public static final BinanceEndpoints FUTURES_TESTNET = new BinanceEndpoints("https://testnet.binancefuture.com",
            "wss://testnet.binancefuture.com/ws-fapi/v1", "wss://stream.binancefuture.com");

    public BinanceEndpoints {
        restUrl(rest, "rest_url");
        webSocketUrl(wsApi, "ws_api_url");
        webSocketUrl(stream, "stream_url");
    }

    public HttpUrl restUrl() {
        return restUrl(rest, "rest_url");
    }

    public HttpUrl wsApiUrl() {
        return webSocketUrl(wsApi, "ws_api_url");
    }

    public HttpUrl streamUrl() {
        return webSocketUrl(stream, "stream_url");
    }

    public BinanceEndpoints with(String restOverride, String wsApiOverride, String streamOverride) {
        return new BinanceEndpoints(restOverride != null ? restOverride : rest,
                wsApiOverride != null ? wsApiOverride : wsApi, streamOverride != null ? streamOverride : stream);
    }

    private static HttpUrl restUrl(String url, String setting) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException(setting + ": not an http(s) URL: " + url);
        }
        return parsed;
    }

    /** OkHttp takes ws:// and wss:// as http:// and https:// for WebSockets. */
    private static HttpUrl webSocketUrl(String url, String setting) {
        String http = url == null ? null : url.replaceFirst("^(?i)ws:", "http:").replaceFirst("^(?i)wss:", "https:");
        HttpUrl parsed = http == null ? null : HttpUrl.parse(http);
        if (parsed == null) {
            throw new IllegalArgumentException(setting + ": not a ws(s) URL: " + url);
        }
        return parsed;
    }
}
