package dev.stratc.brokers.binance.futures;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.rest.AlertSink;
import dev.stratc.brokers.binance.rest.BinanceHttp;
import dev.stratc.brokers.binance.rest.HostLimiter;
import dev.stratc.brokers.binance.rest.Sleeper;
import dev.stratc.brokers.binance.sign.ServerClock;
import dev.stratc.brokers.binance.stream.StreamTimings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the accounts of this process share on one futures REST host: its weight budget (2400 per minute per IP,
 * counted apart from Spot's), the server clock measured from {@code /fapi/v1/time}, the futures exchange
 * rules and a scheduler for stream timers.
 */
public final class FuturesHost {
    private static final Logger LOG = LoggerFactory.getLogger(FuturesHost.class);
    /** USDⓈ-M {@code REQUEST_WEIGHT} per minute until exchangeInfo says otherwise. */
    public static final int DEFAULT_WEIGHT_PER_MINUTE = 2400;
    /** USDⓈ-M {@code ORDERS} per 10 seconds per account (also 1200 per minute). */
    public static final int DEFAULT_ORDERS_PER_10S = 300;
    private static final Duration EXCHANGE_INFO_TTL = Duration.ofMinutes(30);

    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final Sleeper sleeper;
    private final BinanceHttp rest;
    private final StreamTimings timings;
    private final ScheduledExecutorService scheduler;
    private final List<AlertSink> alertSinks = new CopyOnWriteArrayList<>();
    private ExchangeInfo exchangeInfo;
    private long exchangeInfoLoadedAt;

    public FuturesHost(OkHttpClient http, HttpUrl restUrl, Duration recvWindow, StreamTimings timings, Clock clock,
            Sleeper sleeper) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.timings = timings;
        ServerClock serverClock = new ServerClock(clock);
        HostLimiter limiter = new HostLimiter(restUrl.host() + " (futures)", DEFAULT_WEIGHT_PER_MINUTE, serverClock,
                sleeper, this::alert);
        this.rest = new BinanceHttp(http, restUrl, serverClock, limiter, json, recvWindow, "/fapi/v1/time");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "binance-futures-" + restUrl.host());
            thread.setDaemon(true);
            return thread;
        });
    }

    public OkHttpClient http() {
        return http;
    }

    public ObjectMapper json() {
        return json;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public BinanceHttp rest() {
        return rest;
    }

    public StreamTimings timings() {
        return timings;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The futures symbols' rules, read once and again after half an hour. */
    public synchronized ExchangeInfo exchangeInfo(UsdmFuturesClient client) {
        if (exchangeInfo == null || clock.millis() - exchangeInfoLoadedAt > EXCHANGE_INFO_TTL.toMillis()) {
            exchangeInfo = client.exchangeInfo();
            exchangeInfoLoadedAt = clock.millis();
        }
        return exchangeInfo;
    }

    public void addAlertSink(AlertSink sink) {
        alertSinks.add(sink);
    }

    public void removeAlertSink(AlertSink sink) {
        alertSinks.remove(sink);
    }

    public void alert(String message) {
        LOG.error("ALERT {}", message);
        alertSinks.forEach(sink -> sink.alert(message));
    }
}
