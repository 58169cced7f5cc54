package dev.stratc.brokers.binance.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.rest.AlertSink;
import dev.stratc.brokers.binance.rest.BinanceHttp;
import dev.stratc.brokers.binance.rest.HostLimiter;
import dev.stratc.brokers.binance.rest.Sleeper;
import dev.stratc.brokers.binance.rest.SpotMarketClient;
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
 * What all accounts on one Binance REST host share: the IP's weight budget, the server clock offset, the
 * exchange's rules, one HTTP client and one scheduler for stream timers. Its alerts reach every account's
 * listener (an IP ban stops them all).
 */
public final class BinanceHost {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceHost.class);
    private static final Duration EXCHANGE_INFO_TTL = Duration.ofMinutes(30);

    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final Sleeper sleeper;
    private final ServerClock serverClock;
    private final BinanceHttp rest;
    private final SpotMarketClient market;
    private final ScheduledExecutorService scheduler;
    private final StreamTimings timings;
    private final List<AlertSink> alertSinks = new CopyOnWriteArrayList<>();
    private ExchangeInfo exchangeInfo;
    private long exchangeInfoLoadedAt;

    public BinanceHost(OkHttpClient http, HttpUrl restUrl, Duration recvWindow, StreamTimings timings, Clock clock,
            Sleeper sleeper) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.timings = timings;
        this.serverClock = new ServerClock(clock);
        // Binance's weight minute is its own: the budget rolls over by the server clock, not ours
        HostLimiter limiter = new HostLimiter(restUrl.host(), ExchangeInfo.RateLimitRules.SPOT_DEFAULTS.requestWeightPerMinute(),
                serverClock, sleeper, this::alert);
        this.rest = new BinanceHttp(http, restUrl, serverClock, limiter, json, recvWindow);
        this.market = new SpotMarketClient(rest);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "binance-" + restUrl.host());
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

    public SpotMarketClient market() {
        return market;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public StreamTimings timings() {
        return timings;
    }

    /** The exchange's rules, read once and again after half an hour; they change rarely. */
    public synchronized ExchangeInfo exchangeInfo() {
        if (exchangeInfo == null || clock.millis() - exchangeInfoLoadedAt > EXCHANGE_INFO_TTL.toMillis()) {
            exchangeInfo = market.exchangeInfo(List.of());
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
