package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerClock;

import okhttp3.OkHttpClient;

/** One Kiwoom account wired up: its token, its paced REST channel and the typed TRs. */
public final class KiwoomSession {
    private final KiwoomConfig config;
    private final OkHttpClient client;
    private final KiwoomTokens tokens;
    private final KiwoomRest rest;
    private final KiwoomTrading trading;
    private final KiwoomQuotes quotes;
    private final BrokerClock clock;

    public KiwoomSession(KiwoomConfig config, OkHttpClient client, BrokerClock clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        KiwoomHttp http = new KiwoomHttp(client);
        this.tokens = new KiwoomTokens(config, http, clock);
        this.rest = new KiwoomRest(config, http, tokens, KiwoomRateLimiter.forKey(config, clock), clock);
        this.trading = new KiwoomTrading(rest);
        this.quotes = new KiwoomQuotes(rest);
    }

    public static KiwoomSession open(KiwoomConfig config) {
        return new KiwoomSession(config, KiwoomHttp.defaultClient(), BrokerClock.SYSTEM);
    }

    public KiwoomConfig config() {
        return config;
    }

    public KiwoomTokens tokens() {
        return tokens;
    }

    public KiwoomRest rest() {
        return rest;
    }

    public KiwoomTrading trading() {
        return trading;
    }

    public KiwoomQuotes quotes() {
        return quotes;
    }

    public BrokerClock clock() {
        return clock;
    }

    public KiwoomSocket socket(KiwoomSocket.Listener listener, java.time.Duration firstRetry) {
        return new KiwoomSocket(config, client, tokens, listener, firstRetry);
    }
}
