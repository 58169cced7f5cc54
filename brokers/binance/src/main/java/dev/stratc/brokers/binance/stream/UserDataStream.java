package dev.stratc.brokers.binance.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratc.brokers.binance.rest.AlertSink;
import dev.stratc.brokers.binance.rest.Balance;
import dev.stratc.brokers.binance.sign.ApiKey;
import dev.stratc.brokers.binance.sign.ServerClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's order and balance updates through the WebSocket API. The Spot listenKey endpoints are gone
 * (2026-02-20); this sends {@code userDataStream.subscribe.signature} on each connection, signed over the
 * alphabetically sorted parameters ({@code apiKey, recvWindow, timestamp}), and receives events wrapped as
 * {@code {"subscriptionId":0,"event":{...}}}. It works with HMAC, RSA and Ed25519 keys alike.
 */
public final class UserDataStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UserDataStream.class);
    private static final int REMEMBERED_EVENTS = 4096;

    private final RotatingWebSocket socket;
    private final ApiKey key;
    private final ServerClock serverClock;
    private final long recvWindowMillis;
    private final Runnable resynchronizeClock;
    private final UserDataListener listener;
    private final ObjectMapper json;
    private final AlertSink alerts;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong requestIds = new AtomicLong();
    private final SequencedSet<String> seen = new LinkedHashSet<>();
    private static final long CLOCK_RETRY_SPACING_NANOS = 60_000_000_000L;
    private volatile boolean subscribed;
    private volatile long lostSinceMillis = -1;
    private long lastClockRetryNanos = System.nanoTime() - CLOCK_RETRY_SPACING_NANOS - 1;

    /**
     * @param resynchronizeClock measures the server clock again; run when the subscription is refused with -1021
     */
    public UserDataStream(OkHttpClient http, HttpUrl wsApiUrl, ApiKey key, ServerClock serverClock, Duration recvWindow,
            Runnable resynchronizeClock, UserDataListener listener, ObjectMapper json,
            ScheduledExecutorService scheduler, StreamTimings timings, AlertSink alerts, Clock clock) {
        this.key = key;
        this.serverClock = serverClock;
        this.recvWindowMillis = recvWindow.toMillis();
        this.resynchronizeClock = resynchronizeClock;
        this.listener = listener;
        this.json = json;
        this.alerts = alerts;
        this.clock = clock;
        this.scheduler = scheduler;
        this.socket = new RotatingWebSocket("Binance user data (" + key + ")", http,
                new Request.Builder().url(wsApiUrl).build(), new Handler(), scheduler, timings, alerts, clock);
    }

    public void start() {
        socket.start();
    }

    public boolean isSubscribed() {
        return subscribed && socket.isConnected();
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

    /** The request frame, signed over {@code apiKey=..&recvWindow=..&timestamp=..} (sorted by name). */
    String subscribeRequest(String id) {
        long timestamp = serverClock.nowMillis();
        String payload = "apiKey=" + key.apiKey() + "&recvWindow=" + recvWindowMillis + "&timestamp=" + timestamp;
        ObjectNode request = json.createObjectNode().put("id", id).put("method", "userDataStream.subscribe.signature");
        request.putObject("params").put("apiKey", key.apiKey()).put("recvWindow", recvWindowMillis)
                .put("timestamp", timestamp).put("signature", key.sign(payload));
        return request.toString();
    }

    private final class Handler implements RotatingWebSocket.Handler {
        @Override
        public void opened(WebSocket ws) {
            ws.send(subscribeRequest("uds-" + requestIds.incrementAndGet()));
        }

        @Override
        public void message(String text) {
            JsonNode frame;
            try {
                frame = json.readTree(text);
            } catch (IOException e) {
                LOG.warn("unreadable user data frame ignored");
                return;
            }
            if (frame.has("status")) {
                response(frame);
            } else if (frame.has("event")) {
                event(frame.get("event"));
            }
        }

        @Override
        public void gap(long lostAtMillis, long resumedAtMillis) {
            // connected again, but events flow only once the new subscription is confirmed: report then
            subscribed = false;
            lostSinceMillis = lostAtMillis;
        }
    }

    private void response(JsonNode frame) {
        if (frame.path("status").asInt() == 200) {
            subscribed = true;
            long lost = lostSinceMillis;
            if (lost >= 0) {
                lostSinceMillis = -1;
                listener.onResubscribed(lost, clock.millis());
            }
            return;
        }
        int status = frame.path("status").asInt();
        int code = frame.path("error").path("code").asInt();
        String message = "user data subscription for " + key + " refused: " + code + " "
                + frame.path("error").path("msg").asText();
        if (status == 429 || status == 418) {
            // the IP's weight is spent (or banned): subscribe again once Binance says we may, not before
            long retryAt = frame.path("error").path("data").path("retryAfter").asLong(0);
            long wait = retryAt > 0 ? Math.max(1_000, retryAt - serverClock.nowMillis()) : status == 418 ? 120_000 : 60_000;
            String limited = message + " (HTTP " + status + "); subscribing again in " + (wait + 999) / 1000 + " s";
            listener.onRateLimited(limited);
            alerts.alert(limited);
            scheduler.schedule(socket::rotate, wait, java.util.concurrent.TimeUnit.MILLISECONDS);
            return;
        }
        long now = System.nanoTime();
        if (code == -1021 && now - lastClockRetryNanos > CLOCK_RETRY_SPACING_NANOS) {
            lastClockRetryNanos = now;
            // our clock drifted: measure it again and subscribe on a fresh connection
            resynchronizeClock.run();
            socket.rotate();
            return;
        }
        // a refused key or signature will not get better by retrying
        listener.onError(message);
        alerts.alert(message);
    }

    private synchronized void event(JsonNode e) {
        String type = e.path("e").asText();
        switch (type) {
            case "executionReport" -> {
                // the same change arrives on both connections while they overlap
                String identity = e.path("i").asText() + ":" + e.path("x").asText() + ":" + e.path("t").asText() + ":"
                        + e.path("z").asText() + ":" + e.path("X").asText();
                if (remember(identity)) {
                    listener.onExecutionReport(ExecutionReport.parse(e));
                }
            }
            case "outboundAccountPosition" -> {
                if (remember("pos:" + e.path("u").asText())) {
                    List<Balance> changed = new ArrayList<>();
                    for (JsonNode b : e.path("B")) {
                        changed.add(new Balance(b.path("a").asText(), new BigDecimal(b.path("f").asText()),
                                new BigDecimal(b.path("l").asText())));
                    }
                    listener.onBalances(changed);
                }
            }
            case "eventStreamTerminated" -> {
                subscribed = false;
                socket.rotate();
            }
            default -> {
                // balanceUpdate, listStatus, externalLockUpdate: not used by the adapter
            }
        }
    }

    private boolean remember(String identity) {
        if (!seen.add(identity)) {
            return false;
        }
        if (seen.size() > REMEMBERED_EVENTS) {
            seen.removeFirst();
        }
        return true;
    }
}
