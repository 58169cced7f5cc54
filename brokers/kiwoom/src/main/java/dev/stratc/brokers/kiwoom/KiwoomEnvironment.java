package dev.stratc.brokers.kiwoom;

/**
 * Kiwoom's two hosts. App keys belong to one of them (a key of the other gives 8030/8031); 모의투자 only trades on
 * KRX, so NXT and SOR orders and {@code _NX}/{@code _AL} codes are refused before they are sent.
 */
public enum KiwoomEnvironment {
    REAL("https://api.kiwoom.com", "wss://api.kiwoom.com:10000/api/dostk/websocket"),
    MOCK("https://mockapi.kiwoom.com", "wss://mockapi.kiwoom.com:10000/api/dostk/websocket");

    private final String restUrl;
    private final String webSocketUrl;

    KiwoomEnvironment(String restUrl, String webSocketUrl) {
        this.restUrl = restUrl;
        this.webSocketUrl = webSocketUrl;
    }

    public String restUrl() {
        return restUrl;
    }

    public String webSocketUrl() {
        return webSocketUrl;
    }

    /** {@code live} is the real host; {@code paper} (and {@code mock}) 모의투자. */
    public static KiwoomEnvironment of(String environment) {
        return switch (environment == null ? "paper" : environment.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "live", "real" -> REAL;
            case "paper", "mock" -> MOCK;
            default -> throw new KiwoomException("environment '" + environment + "': use paper (모의투자) or live");
        };
    }

    /** Whether orders may go to {@code exchange} ({@code KRX}, {@code NXT}, {@code SOR}) here. */
    public boolean supports(String exchange) {
        return this == REAL ? exchange.matches("KRX|NXT|SOR") : exchange.equals("KRX");
    }
}
