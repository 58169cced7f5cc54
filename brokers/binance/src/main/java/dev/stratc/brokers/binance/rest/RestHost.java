package dev.stratc.brokers.binance.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.sign.ServerClock;
import dev.stratc.brokers.binance.stream.StreamTimings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What all accounts on one Binance REST host share, Spot or futures: the IP's weight budget, the server clock
 * offset, the exchange's rules (cached), one HTTP client and one scheduler for stream timers. Its alerts reach
 * every account's listener (an IP ban stops them all). The Spot and futures hosts differ only in the path that
 * tells the server time, the weight budget and where the exchange rules are read.
 */
public abstract class RestHost {
    private static final Logger LOG = LoggerFactory.getLogger(RestHost.class);
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

    /**
     * @param name            how the weight limiter and the scheduler thread name this host, e.g. its host name
     * @param threadPrefix    the scheduler thread's name before {@code name}
     * @param weightPerMinute the {@code REQUEST_WEIGHT} budget until exchangeInfo says otherwise
     * @param timePath        where the host tells its time
     */
    protected RestHost(OkHttpClient http, HttpUrl restUrl, Duration recvWindow, StreamTimings timings, Clock clock,
            Sleeper sleeper, String name, String threadPrefix, int weightPerMinute, String timePath) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.timings = timings;
        ServerClock serverClock = new ServerClock(clock);
        // Binance's weight minute is its own: the budget rolls over by the server clock, not ours
        HostLimiter limiter = new HostLimiter(name, weightPerMinute, serverClock, sleeper, this::alert);
        this.rest = new BinanceHttp(http, restUrl, serverClock, limiter, json, recvWindow, timePath);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadPrefix + restUrl.host());
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

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public StreamTimings timings() {
        return timings;
    }

    /** The exchange's rules, {@code load}ed once and again after half an hour; they change rarely. */
    protected synchronized ExchangeInfo exchangeInfo(Supplier<ExchangeInfo> load) {
        if (exchangeInfo == null || clock.millis() - exchangeInfoLoadedAt > EXCHANGE_INFO_TTL.toMillis()) {
            exchangeInfo = load.get();
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
