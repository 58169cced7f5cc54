package dev.stratc.brokers.kis;

import dev.stratc.runtime.broker.BrokerClock;

import dev.stratc.brokers.kis.auth.AccessTokenProvider;
import dev.stratc.brokers.kis.auth.ApprovalKeyProvider;
import dev.stratc.brokers.kis.auth.HashkeyClient;
import dev.stratc.brokers.kis.auth.TokenCache;
import dev.stratc.brokers.kis.rest.KisDomesticQuotations;
import dev.stratc.brokers.kis.rest.KisDomesticTrading;
import dev.stratc.brokers.kis.rest.KisOverseasStock;
import dev.stratc.brokers.kis.rest.KisRestClient;
import dev.stratc.brokers.kis.rest.KisRateLimiters;
import dev.stratc.brokers.kis.ws.KisRealtimeClient;
import dev.stratc.brokers.kis.ws.KisRealtimeListener;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** One KIS account wired up: its token, its paced REST channel, the typed endpoints, and its real-time socket. */
public final class KisSession {

    /** How many EGW00201 refusals one call absorbs (each widening the spacing) before it fails. */
    static final int RATE_LIMIT_RETRIES = 8;

    private final KisAccountConfig config;
    private final OkHttpClient http;
    private final AccessTokenProvider tokens;
    private final ApprovalKeyProvider approvals;
    private final KisRestClient rest;
    private final KisDomesticQuotations quotations;
    private final KisDomesticTrading trading;
    private final KisOverseasStock overseas;

    public KisSession(KisAccountConfig config, OkHttpClient http, BrokerClock clock) {
        this.config = config;
        this.http = http;
        this.tokens = new AccessTokenProvider(http, config.endpoints(), config.credentials(),
                new TokenCache(config.tokenCacheDir()), clock);
        this.approvals = new ApprovalKeyProvider(http, config.endpoints(), config.credentials(), clock);
        this.rest = new KisRestClient(http, config.endpoints(), config.credentials(), config.custType(), tokens,
                KisRateLimiters.forKey(config.endpoints(), config.credentials(), config.requestsPerSecond(),
                        config.tokenCacheDir()),
                config.useHashkey() ? new HashkeyClient(http, config.endpoints(), config.credentials()) : null,
                RATE_LIMIT_RETRIES);
        this.quotations = new KisDomesticQuotations(rest);
        this.trading = new KisDomesticTrading(rest, config.mode(), config.account(), quotations, clock);
        this.overseas = new KisOverseasStock(rest, config.mode(), config.account());
    }

    public static KisSession open(KisAccountConfig config) {
        return new KisSession(config, defaultHttpClient(), BrokerClock.SYSTEM);
    }

    public static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(15, TimeUnit.SECONDS)
                .build();
    }

    public KisAccountConfig config() {
        return config;
    }

    public AccessTokenProvider tokens() {
        return tokens;
    }

    public KisRestClient rest() {
        return rest;
    }

    public KisDomesticQuotations quotations() {
        return quotations;
    }

    public KisDomesticTrading trading() {
        return trading;
    }

    public KisOverseasStock overseas() {
        return overseas;
    }

    /** A real-time socket for this account's app key; call {@code start()} to open it. */
    public KisRealtimeClient realtime(KisRealtimeListener listener, KisRealtimeClient.Timing timing) {
        return new KisRealtimeClient(http, config.endpoints().webSocketUrl(), config.credentials(), approvals,
                config.custType(), listener, timing);
    }
}
