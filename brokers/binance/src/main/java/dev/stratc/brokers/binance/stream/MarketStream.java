package dev.stratc.brokers.binance.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratc.brokers.binance.rest.AlertSink;
import dev.stratc.brokers.binance.rest.BookTicker;
import dev.stratc.brokers.binance.rest.JsonDecimals;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Trades, klines and book tickers of several symbols over one combined stream
 * ({@code /stream?streams=btcusdt@trade/btcusdt@kline_1m/...}; events arrive as {@code {"stream":..,"data":..}}).
 *
 * <p>While an old and a new connection overlap, each event comes twice, interleaved in any order: a trade
 * and a candle's closing update are passed on once each (remembered by id), a book ticker or a running
 * candle update only when newer than the last one passed on.
 */
public final class MarketStream implements AutoCloseable {

    private final RotatingWebSocket socket;
    private final MarketListener listener;
    private final ObjectMapper json;
    private static final int REMEMBERED_IDS = 4096;
    private final Map<String, long[]> highWater = new HashMap<>();
    private final Map<String, Set<Long>> recentIds = new HashMap<>();

    public MarketStream(OkHttpClient http, HttpUrl streamBase, List<String> streams, MarketListener listener,
            ObjectMapper json, ScheduledExecutorService scheduler, StreamTimings timings, AlertSink alerts, Clock clock) {
        if (streams.isEmpty() || streams.size() > 1024) {
            throw new IllegalArgumentException("a combined stream carries 1 to 1024 streams, not " + streams.size());
        }
        this.listener = listener;
        this.json = json;
        // names as Binance spells them: lower-case symbols, camel-case kinds (btcusdt@bookTicker)
        String names = String.join("/", streams);
        // appended to the base's path: USDⓈ-M market streams live under /market
        String base = streamBase.encodedPath();
        HttpUrl url = streamBase.newBuilder().encodedPath((base.endsWith("/") ? base : base + "/") + "stream")
                .addQueryParameter("streams", names).build();
        this.socket = new RotatingWebSocket("Binance market stream", http, new Request.Builder().url(url).build(),
                new UrlSubscribedFrames(json, "market stream", this::frame, (lost, resumed) -> listener.onGap(lost, resumed)),
                scheduler, timings, alerts, clock);
    }

    public static String tradeStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@trade";
    }

    /** USDⓈ-M futures have no raw trade stream; aggregate trades carry the same prices and quantities. */
    public static String aggTradeStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@aggTrade";
    }

    public static String klineStream(String symbol, String interval) {
        return symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval;
    }

    public static String bookTickerStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@bookTicker";
    }

    public void start() {
        socket.start();
    }

    public boolean isConnected() {
        return socket.isConnected();
    }

    public int connectionsOpened() {
        return socket.connectionsOpened();
    }

    /** Why the first connection could not be made, while none ever opened; {@code null} otherwise. */
    public String unreachable() {
        return socket.unreachable();
    }

    @Override
    public void close() {
        socket.close();
    }

    /** A combined-stream frame: {@code {"stream": name, "data": event}}; a server shutdown notice rotates now. */
    private void frame(JsonNode frame, String text) {
        String stream = frame.path("stream").asText();
        JsonNode data = frame.path("data");
        if (stream.equals("!serverShutdown") || data.path("e").asText().equals("serverShutdown")) {
            socket.rotate();
            return;
        }
        dispatch(stream, data);
    }

    /** One at a time, so events of the two overlapping connections reach the listener one by one. */
    private synchronized void dispatch(String stream, JsonNode data) {
        if (stream.endsWith("@trade")) {
            if (recent(stream).add(data.path("t").asLong())) {
                listener.onTrade(new TradeEvent(data.path("s").asText(), data.path("t").asLong(), JsonDecimals.of(data, "p"),
                        JsonDecimals.of(data, "q"), data.path("T").asLong(), data.path("m").asBoolean()));
            }
        } else if (stream.endsWith("@aggTrade")) {
            if (recent(stream).add(data.path("a").asLong())) {
                listener.onTrade(new TradeEvent(data.path("s").asText(), data.path("a").asLong(), JsonDecimals.of(data, "p"),
                        JsonDecimals.of(data, "q"), data.path("T").asLong(), data.path("m").asBoolean()));
            }
        } else if (stream.contains("@kline_")) {
            JsonNode k = data.path("k");
            long openTime = k.path("t").asLong();
            boolean closed = k.path("x").asBoolean();
            // a candle's closing update is never dropped; a running update only when a newer one was passed on
            boolean pass = closed ? recent(stream + "#closed").add(openTime)
                    : !recent(stream + "#closed").contains(openTime) && advances(stream, openTime, data.path("E").asLong());
            if (pass) {
                listener.onKline(new KlineEvent(data.path("s").asText(), k.path("i").asText(), data.path("E").asLong(),
                        openTime, k.path("T").asLong(), JsonDecimals.of(k, "o"), JsonDecimals.of(k, "h"), JsonDecimals.of(k, "l"), JsonDecimals.of(k, "c"),
                        JsonDecimals.of(k, "v"), k.path("n").asLong(), closed));
            }
        } else if (stream.endsWith("@bookTicker")) {
            // an older quote than the one already passed on is stale: dropping it is right
            if (advances(stream, data.path("u").asLong(), 0)) {
                listener.onBookTicker(new BookTicker(data.path("s").asText(), JsonDecimals.of(data, "b"), JsonDecimals.of(data, "B"),
                        JsonDecimals.of(data, "a"), JsonDecimals.of(data, "A")));
            }
        }
    }

    private boolean advances(String stream, long primary, long secondary) {
        long[] last = highWater.get(stream);
        if (last != null && (primary < last[0] || primary == last[0] && secondary <= last[1])) {
            return false;
        }
        highWater.put(stream, new long[] {primary, secondary});
        return true;
    }

    /** Ids recently passed on for a stream; two connections may deliver the same ids in different interleavings. */
    private Set<Long> recent(String key) {
        return recentIds.computeIfAbsent(key, k -> Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > REMEMBERED_IDS;
            }
        }));
    }
}
