package dev.stratc.brokers.binance.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.rest.BinanceHttp;
import dev.stratc.brokers.binance.rest.HostLimiter;
import dev.stratc.brokers.binance.rest.OrderLimiter;
import dev.stratc.brokers.binance.rest.SpotAccountClient;
import dev.stratc.brokers.binance.rest.SpotMarketClient;
import dev.stratc.brokers.binance.sign.ApiKey;
import dev.stratc.brokers.binance.sign.HmacKey;
import dev.stratc.brokers.binance.sign.ServerClock;
import dev.stratc.brokers.binance.stream.StreamTimings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** A mock exchange and the adapter's protocol clients wired to it on loopback, with a fake clock. */
public final class MockRig implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-23T10:00:00.250Z");
    /** Fast reconnects and a short overlap grace, so stream tests take milliseconds. */
    public static final StreamTimings FAST = new StreamTimings(Duration.ofHours(23), Duration.ofMillis(500),
            Duration.ofMillis(20), Duration.ofMillis(200), 3);

    public final FakeClock clock = new FakeClock(START);
    public final MockBinance exchange = new MockBinance(clock);
    public final ObjectMapper json = new ObjectMapper();
    public final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5)).build();
    public final List<String> alerts = new CopyOnWriteArrayList<>();
    public final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "binance-test-streams");
        t.setDaemon(true);
        return t;
    });
    public final ServerClock serverClock = new ServerClock(clock);
    public final HostLimiter host = new HostLimiter(exchange.restUrl().host(), 6000, serverClock, clock, alerts::add);
    public final BinanceHttp rest = new BinanceHttp(http, exchange.restUrl(), serverClock, host, json,
            Duration.ofSeconds(5));
    public final SpotMarketClient market = new SpotMarketClient(rest);

    public MockRig() {
        exchange.addHmacAccount("main", MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET);
    }

    /** An account client for the official example key (the mock's "main" account). */
    public SpotAccountClient mainAccount() {
        return account("main", new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET));
    }

    public SpotAccountClient account(String name, ApiKey key) {
        return new SpotAccountClient(rest, key, new OrderLimiter(name, 100, 200_000, serverClock, clock));
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        exchange.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
