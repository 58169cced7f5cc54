package dev.stratc.brokers.binance.stream;

import dev.stratc.brokers.binance.rest.AlertSink;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One logical WebSocket to Binance that survives the end of its physical connections.
 *
 * <p>A planned replacement ({@link #rotate}: the 24-hour limit or {@code serverShutdown}) opens the new
 * connection first and closes the old one only when the new one has delivered its first message (or after a
 * grace period on a quiet stream): for a while both deliver, and the handler drops what it has already seen.
 * An unplanned drop reconnects with a doubling backoff and reports the gap to the handler. Ping frames are
 * answered by OkHttp with a pong carrying the same payload, as Binance requires.
 */
public final class RotatingWebSocket implements AutoCloseable {

    /** What a concrete stream does with its connections. Calls come from OkHttp's reader threads. */
    public interface Handler {
        /** A connection is open: send any subscription it needs. */
        void opened(WebSocket socket);

        /** A text frame from any live connection; may be a duplicate of one the other connection delivered. */
        void message(String text);

        /** Connections were down between these instants (epoch ms); what happened meanwhile was not seen. */
        void gap(long lostAtMillis, long resumedAtMillis);
    }

    private final String name;
    private final OkHttpClient http;
    private final Request request;
    private final Handler handler;
    private final ScheduledExecutorService scheduler;
    private final StreamTimings timings;
    private final AlertSink alerts;
    private final Clock clock;

    private volatile String neverConnectedBecause;
    private Connection current;
    private Connection next;
    private boolean closed;
    private long lostAtMillis = -1;
    private int failures;
    private int connectionsOpened;

    public RotatingWebSocket(String name, OkHttpClient http, Request request, Handler handler,
            ScheduledExecutorService scheduler, StreamTimings timings, AlertSink alerts, Clock clock) {
        this.name = name;
        this.http = http;
        this.request = request;
        this.handler = handler;
        this.scheduler = scheduler;
        this.timings = timings;
        this.alerts = alerts;
        this.clock = clock;
    }

    public synchronized void start() {
        if (current == null && next == null && !closed) {
            next = new Connection();
        }
    }

    /** Opens a replacement connection; the current one stays until the replacement delivers. */
    public synchronized void rotate() {
        if (!closed && next == null) {
            next = new Connection();
        }
    }

    public synchronized boolean isConnected() {
        return current != null && current.open;
    }

    /**
     * Why the first attempt to connect failed, while no connection has ever opened: the server answered the
     * handshake with an HTTP status instead of 101, or refused the connection. {@code null} otherwise. Retries go
     * on; a caller that cannot work without the connection reports this rather than wait.
     */
    public String unreachable() {
        return neverConnectedBecause;
    }

    /** How many connections have opened so far (the first, replacements and reconnections). */
    public synchronized int connectionsOpened() {
        return connectionsOpened;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection c : new Connection[] {current, next}) {
            if (c != null) {
                c.socket.close(1000, "client closing");
            }
        }
        current = null;
        next = null;
    }

    private synchronized void opened(Connection c) {
        if (closed || c != next) {
            c.socket.close(1000, "not needed");
            return;
        }
        c.open = true;
        connectionsOpened++;
        neverConnectedBecause = null;
        failures = 0;
        if (current == null) {
            promote(c);
        } else {
            scheduler.schedule(() -> promoteIfStillNext(c), timings.overlapGrace().toMillis(), TimeUnit.MILLISECONDS);
        }
        scheduler.schedule(() -> rotateIfStillCurrent(c), timings.rotateAfter().toMillis(), TimeUnit.MILLISECONDS);
        handler.opened(c.socket);
    }

    /** The daily replacement of a connection that an earlier replacement has not already retired. */
    private synchronized void rotateIfStillCurrent(Connection c) {
        if (c == current) {
            rotate();
        }
    }

    private synchronized void firstMessage(Connection c) {
        if (c == next && c.open) {
            promote(c);
        }
    }

    private synchronized void promoteIfStillNext(Connection c) {
        if (c == next) {
            promote(c);
        }
    }

    private void promote(Connection c) {
        Connection old = current;
        current = c;
        next = null;
        if (old != null) {
            old.retired = true;
            old.socket.close(1000, "replaced");
        }
        if (lostAtMillis >= 0) {
            long lost = lostAtMillis;
            lostAtMillis = -1;
            handler.gap(lost, clock.millis());
        }
    }

    private synchronized void ended(Connection c, String why) {
        if (closed || c.retired) {
            return;
        }
        c.retired = true;
        if (c == current) {
            current = null;
            if (next == null) {
                lostAtMillis = clock.millis();
                scheduleReconnect(why);
            } else if (lostAtMillis < 0) {
                lostAtMillis = clock.millis();
            }
        } else if (c == next) {
            next = null;
            if (current == null) {
                scheduleReconnect(why);
            }
        }
    }

    private void scheduleReconnect(String why) {
        failures++;
        if (failures == timings.alertAfterFailures()) {
            alerts.alert(name + ": " + failures + " connection attempts failed in a row (last: " + why + ")");
        }
        long delay = Math.min(timings.reconnectMax().toMillis(),
                timings.reconnectMin().toMillis() << Math.min(failures - 1, 16));
        scheduler.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void reconnect() {
        if (!closed && current == null && next == null) {
            next = new Connection();
        }
    }

    private final class Connection extends WebSocketListener {
        final WebSocket socket;
        volatile boolean open;
        volatile boolean retired;
        private boolean delivered;

        Connection() {
            this.socket = http.newWebSocket(request, this);
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened(this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            // a replaced connection still delivers what was in flight before its close: the handler drops repeats
            if (!delivered) {
                delivered = true;
                firstMessage(this);
            }
            handler.message(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            ended(this, "closed by server: " + code + " " + reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            ended(this, "closed: " + code + " " + reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            String why = describe(t, response);
            synchronized (RotatingWebSocket.this) {
                if (connectionsOpened == 0 && neverConnectedBecause == null) {
                    neverConnectedBecause = why;
                }
            }
            ended(this, why);
        }
    }

    private static String describe(Throwable t, Response response) {
        if (response != null) {
            return "HTTP " + response.code() + (response.message().isEmpty() ? "" : " " + response.message())
                    + " at the WebSocket handshake (a WebSocket endpoint answers 101 Switching Protocols)";
        }
        return switch (t) {
            case java.net.ConnectException refused -> "connection refused (" + refused.getMessage() + ")";
            case java.net.UnknownHostException unknown -> "unknown host " + unknown.getMessage();
            case java.net.SocketTimeoutException timeout -> "no answer (" + timeout.getMessage() + ")";
            default -> t.toString();
        };
    }
}
