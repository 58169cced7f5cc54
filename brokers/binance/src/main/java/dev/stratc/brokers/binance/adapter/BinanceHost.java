package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.rest.RestHost;
import dev.stratc.brokers.binance.rest.Sleeper;
import dev.stratc.brokers.binance.rest.SpotMarketClient;
import dev.stratc.brokers.binance.stream.StreamTimings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What all accounts on one Binance Spot REST host share (see {@link RestHost}), with the Spot market data
 * client the exchange's rules are read through.
 */
public final class BinanceHost extends RestHost {
    private final SpotMarketClient market;

    public BinanceHost(OkHttpClient http, HttpUrl restUrl, Duration recvWindow, StreamTimings timings, Clock clock,
            Sleeper sleeper) {
        super(http, restUrl, recvWindow, timings, clock, sleeper, restUrl.host(), "binance-",
                ExchangeInfo.RateLimitRules.SPOT_DEFAULTS.requestWeightPerMinute(), "/api/v3/time");
        this.market = new SpotMarketClient(rest());
    }

    public SpotMarketClient market() {
        return market;
    }

    /** The exchange's rules, read once and again after half an hour; they change rarely. */
    public ExchangeInfo exchangeInfo() {
        return exchangeInfo(() -> market.exchangeInfo(List.of()));
    }
}
