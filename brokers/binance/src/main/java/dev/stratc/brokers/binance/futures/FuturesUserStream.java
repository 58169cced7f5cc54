package dev.stratc.brokers.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.rest.AlertSink;
import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.JsonDecimals;
import dev.stratc.brokers.binance.stream.RotatingWebSocket;
import dev.stratc.brokers.binance.stream.UrlSubscribedFrames;
import dev.stratc.brokers.binance.stream.StreamTimings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The USDⓈ-M user data stream: a listenKey from {@code POST /fapi/v1/listenKey}, read at
 * {@code <stream host>/private/ws/<listenKey>}, kept alive with {@code PUT} every 30 minutes (it lapses after
 * 60). A lapsed key ({@code -1125} or a {@code listenKeyExpired} event) is replaced by a new one and a new
 * connection, reported as a gap so the adapter reads what it missed from REST. Two overlapping connections
 * (a 24-hour rotation) may deliver an event twice: an event seen already (by its type, time and content) is
 * dropped here.
 */
public final class FuturesUserStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuturesUserStream.class);
    static final long KEEP_ALIVE_MINUTES = 30;

    private final OkHttpClient http;
    private final HttpUrl streamBase;
    private final UsdmFuturesClient rest;
    private final FuturesEvents.Listener listener;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final StreamTimings timings;
    private final AlertSink alerts;
    private final Clock clock;
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 4096;
        }
    });

    private RotatingWebSocket socket;
    private ScheduledFuture<?> keepAlive;
    private boolean closed;

    public FuturesUserStream(OkHttpClient http, HttpUrl streamBase, UsdmFuturesClient rest,
            FuturesEvents.Listener listener, ObjectMapper json, ScheduledExecutorService scheduler,
            StreamTimings timings, AlertSink alerts, Clock clock) {
        this.http = http;
        this.streamBase = streamBase;
        this.rest = rest;
        this.listener = listener;
        this.json = json;
        this.scheduler = scheduler;
        this.timings = timings;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Creates the listenKey (a REST failure is the caller's) and opens the connection. */
    public synchronized void start() {
        open(rest.startUserStream());
        keepAlive = scheduler.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_MINUTES, KEEP_ALIVE_MINUTES,
                TimeUnit.MINUTES);
    }

    private void open(String listenKey) {
        String base = streamBase.encodedPath();
        HttpUrl url = streamBase.newBuilder()
                .encodedPath((base.endsWith("/") ? base : base + "/") + "private/ws/" + listenKey).build();
        socket = new RotatingWebSocket("Binance futures user data", http, new Request.Builder().url(url).build(),
                new UrlSubscribedFrames(json, "futures user data", this::dispatch, (lost, resumed) -> listener.onGap(lost, resumed)),
                scheduler, timings, alerts, clock);
        socket.start();
    }

    public synchronized boolean isConnected() {
        return socket != null && socket.isConnected();
    }

    public synchronized String unreachable() {
        return socket == null ? null : socket.unreachable();
    }

    private void keepAlive() {
        try {
            rest.keepAliveUserStream();
        } catch (BinanceApiException e) {
            if (e.code() == -1125) {
                renew();
            } else {
                LOG.warn("futures listenKey keep-alive failed: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("futures listenKey keep-alive failed: {}", e.getMessage());
        }
    }

    /** A new listenKey and a new connection; what happened in between is a gap. */
    private void renew() {
        long lost = clock.millis();
        synchronized (this) {
            if (closed) {
                return;
            }
            if (socket != null) {
                socket.close();
            }
            try {
                open(rest.startUserStream());
            } catch (RuntimeException e) {
                LOG.warn("futures listenKey could not be renewed: {}", e.getMessage());
                return;
            }
        }
        listener.onGap(lost, clock.millis());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (socket != null) {
            socket.close();
        }
    }

    /** One at a time, so frames of the two overlapping connections reach the listener one by one. */
    private synchronized void dispatch(JsonNode e, String text) {
        if (!seen.add(text)) {
            return;
        }
        switch (e.path("e").asText()) {
            case "ORDER_TRADE_UPDATE" -> {
                JsonNode o = e.path("o");
                listener.onOrderUpdate(new FuturesEvents.OrderUpdate(o.path("s").asText(), o.path("c").asText(),
                        o.path("S").asText(), o.path("o").asText(), JsonDecimals.of(o, "q"), JsonDecimals.of(o, "p"),
                        o.path("x").asText(), o.path("X").asText(), o.path("i").asLong(), JsonDecimals.of(o, "l"),
                        JsonDecimals.of(o, "z"), JsonDecimals.of(o, "L"), o.path("N").asText(""),
                        JsonDecimals.of(o, "n"), o.path("t").asLong(), o.path("m").asBoolean(), o.path("R").asBoolean(),
                        o.path("ps").asText("BOTH"), JsonDecimals.of(o, "rp"), o.path("T").asLong(e.path("T").asLong())));
            }
            case "ACCOUNT_UPDATE" -> {
                JsonNode a = e.path("a");
                List<FuturesEvents.BalanceChange> balances = new ArrayList<>();
                a.path("B").forEach(b -> balances.add(new FuturesEvents.BalanceChange(b.path("a").asText(),
                        JsonDecimals.of(b, "wb"), JsonDecimals.of(b, "bc"))));
                List<FuturesEvents.PositionChange> positions = new ArrayList<>();
                a.path("P").forEach(p -> positions.add(position(p)));
                listener.onAccountUpdate(new FuturesEvents.AccountUpdate(a.path("m").asText(), balances, positions,
                        e.path("T").asLong()));
            }
            case "MARGIN_CALL" -> {
                List<FuturesEvents.PositionChange> positions = new ArrayList<>();
                e.path("p").forEach(p -> positions.add(position(p)));
                listener.onMarginCall(new FuturesEvents.MarginCall(JsonDecimals.of(e, "cw"), positions, e.path("E").asLong()));
            }
            case "listenKeyExpired" -> scheduler.execute(this::renew);
            default -> {
                // ACCOUNT_CONFIG_UPDATE (leverage changed), TRADE_LITE, ALGO_UPDATE: nothing the adapter keeps
            }
        }
    }

    private static FuturesEvents.PositionChange position(JsonNode p) {
        return new FuturesEvents.PositionChange(p.path("s").asText(), p.path("ps").asText("BOTH"),
                JsonDecimals.of(p, "pa"), JsonDecimals.of(p, "ep"), JsonDecimals.of(p, "up"), p.path("mt").asText(),
                JsonDecimals.of(p, "iw"), JsonDecimals.of(p, "mp"), JsonDecimals.of(p, "mm"));
    }
}
