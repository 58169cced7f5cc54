package dev.stratc.brokers.binance.futures;

import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.rest.RestHost;
import dev.stratc.brokers.binance.rest.Sleeper;
import dev.stratc.brokers.binance.stream.StreamTimings;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What the accounts of this process share on one futures REST host: its weight budget (2400 per minute per IP,
 * counted apart from Spot's), the server clock measured from {@code /fapi/v1/time}, the futures exchange
 * rules and a scheduler for stream timers.
 */
public final class FuturesHost extends RestHost {
    /** USDⓈ-M {@code REQUEST_WEIGHT} per minute until exchangeInfo says otherwise. */
    public static final int DEFAULT_WEIGHT_PER_MINUTE = 2400;
    /** USDⓈ-M {@code ORDERS} per 10 seconds per account (also 1200 per minute). */
    public static final int DEFAULT_ORDERS_PER_10S = 300;

    public FuturesHost(OkHttpClient http, HttpUrl restUrl, Duration recvWindow, StreamTimings timings, Clock clock,
            Sleeper sleeper) {
        super(http, restUrl, recvWindow, timings, clock, sleeper, restUrl.host() + " (futures)", "binance-futures-",
                DEFAULT_WEIGHT_PER_MINUTE, "/fapi/v1/time");
    }

    /** The futures symbols' rules, read once and again after half an hour. */
    public ExchangeInfo exchangeInfo(UsdmFuturesClient client) {
        return exchangeInfo(client::exchangeInfo);
    }
}
