package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time session of one key ({@code /api/dostk/websocket}): {@code LOGIN} with the access token right after
 * connecting, {@code PING} frames echoed back unchanged (Kiwoom's keepalive; no library pings), {@code REG} /
 * {@code REMOVE} of {@code (type, item)} pairs in group {@code 1} with {@code refresh: "1"}, and {@code REAL} frames
 * handed to the listener one {@code data} element at a time. Lost connections are reopened with a growing pause,
 * logging in and registering everything again. A LOGIN refused for the token (8005/8031/8103) gets one new token.
 */
public final class KiwoomSocket {
    private static final Logger LOG = LoggerFactory.getLogger(KiwoomSocket.class);
    static final String GROUP = "1";

    /** Receives what the session delivers, on the socket's thread. */
    public interface Listener {
        /** One element of a {@code REAL} frame. */
        void onReal(String type, String item, JsonNode values);

        default void onConnection(boolean up, String detail) {
        }

        /** A condition search answer ({@code CNSRLST}, {@code CNSRREQ}, {@code CNSRCLR}), whole. */
        default void onConditionFrame(String trnm, JsonNode frame) {
        }

        /** Logged in again after a lost connection: what was asked of the old session must be asked again. */
        default void onLoggedInAgain() {
        }
    }

    private final KiwoomConfig config;
    private final OkHttpClient http;
    private final KiwoomTokens tokens;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final Duration firstRetry;
    private final Set<String> registered = new LinkedHashSet<>(); // "type|item"
    private final Map<String, Integer> lastAck = new HashMap<>();
    private long framesSent;
    private long framesAcked;
    private WebSocket socket;
    private boolean loggedIn;
    private boolean everLoggedIn;
    private boolean closed = true;
    private Duration retry;
    private String loginFailure;
    private KiwoomTokens.Token loginToken;
    private boolean renewedForLogin;

    public KiwoomSocket(KiwoomConfig config, OkHttpClient http, KiwoomTokens tokens, Listener listener,
            Duration firstRetry) {
        this.config = config;
        this.http = http;
        this.tokens = tokens;
        this.listener = listener;
        this.firstRetry = firstRetry;
        this.retry = firstRetry;
        this.scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiwoom-ws-" + config.id());
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects and waits for the LOGIN answer. */
    public void start(Duration timeout) throws InterruptedException {
        synchronized (this) {
            closed = false;
            loginFailure = null;
        }
        connect();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!loggedIn && loginFailure == null && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            if (loginFailure != null) {
                String failure = loginFailure;
                closeLocked();
                throw new KiwoomAuthException("Kiwoom real-time LOGIN of account " + config.id() + " refused: "
                        + failure, 0, 0, 0);
            }
            if (!loggedIn) {
                closeLocked();
                throw new KiwoomException("Kiwoom real-time session of account " + config.id() + " at "
                        + config.webSocketUrl() + " did not log in within " + timeout.toSeconds() + " s");
            }
        }
    }

    private void connect() throws InterruptedException {
        KiwoomTokens.Token token = tokens.current();
        synchronized (this) {
            if (closed) {
                return;
            }
            loginToken = token;
            socket = http.newWebSocket(new Request.Builder().url(config.webSocketUrl()).build(), new Handler());
        }
    }

    public synchronized boolean isLoggedIn() {
        return loggedIn;
    }

    /** Registers {@code type} for {@code items}; already registered pairs are not sent again. */
    public void register(String type, Set<String> items) {
        ArrayNode fresh = KiwoomJson.MAPPER.createArrayNode();
        synchronized (this) {
            for (String item : items) {
                if (registered.add(type + "|" + item)) {
                    fresh.add(item);
                }
            }
            if (!fresh.isEmpty() && loggedIn) {
                socket.send(frame("REG", type, fresh).toString());
                framesSent++;
            }
        }
    }

    public void remove(String type, Set<String> items) {
        ArrayNode gone = KiwoomJson.MAPPER.createArrayNode();
        synchronized (this) {
            for (String item : items) {
                if (registered.remove(type + "|" + item)) {
                    gone.add(item);
                }
            }
            if (!gone.isEmpty() && loggedIn) {
                socket.send(frame("REMOVE", type, gone).toString());
                framesSent++;
            }
        }
    }

    /**
     * Sends a condition search frame ({@code CNSRLST}, {@code CNSRREQ}, {@code CNSRCLR}); its answer comes to
     * {@link Listener#onConditionFrame}. False when the session is not logged in (it is reconnecting).
     */
    public synchronized boolean sendCondition(ObjectNode frame) {
        if (!loggedIn || socket == null) {
            return false;
        }
        return socket.send(frame.toString());
    }

    /** Waits until Kiwoom answered every REG/REMOVE sent so far; false after {@code timeout}. */
    public synchronized boolean awaitAcks(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (framesAcked < framesSent && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return framesAcked >= framesSent;
    }

    public synchronized int registrations(String type) {
        return (int) registered.stream().filter(r -> r.startsWith(type + "|")).count();
    }

    /** The last REG/REMOVE ack's return_code by trnm (0 ok). */
    public synchronized Map<String, Integer> acks() {
        return Map.copyOf(lastAck);
    }

    private static ObjectNode frame(String trnm, String type, ArrayNode items) {
        ObjectNode frame = KiwoomJson.MAPPER.createObjectNode().put("trnm", trnm).put("grp_no", GROUP);
        if (trnm.equals("REG")) {
            frame.put("refresh", "1");
        }
        ObjectNode data = frame.putArray("data").addObject();
        data.set("item", items);
        data.putArray("type").add(type);
        return frame;
    }

    public void close() {
        synchronized (this) {
            closeLocked();
        }
        scheduler.shutdownNow();
    }

    private void closeLocked() {
        closed = true;
        loggedIn = false;
        if (socket != null) {
            socket.close(1000, "bye");
            socket = null;
        }
        notifyAll();
    }

    /** Called with the lock held: everything registered, as one REG per type. */
    private void registerAll() {
        Map<String, ArrayNode> byType = new HashMap<>();
        for (String pair : registered) {
            int bar = pair.indexOf('|');
            byType.computeIfAbsent(pair.substring(0, bar), t -> KiwoomJson.MAPPER.createArrayNode())
                    .add(pair.substring(bar + 1));
        }
        framesAcked = 0;
        framesSent = byType.size();
        byType.forEach((type, items) -> socket.send(frame("REG", type, items).toString()));
    }

    private final class Handler extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (KiwoomSocket.this) {
                if (webSocket != socket) {
                    return;
                }
                webSocket.send(KiwoomJson.MAPPER.createObjectNode().put("trnm", "LOGIN")
                        .put("token", loginToken.value()).toString());
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode frame;
            try {
                frame = KiwoomJson.parse(text);
            } catch (KiwoomException e) {
                LOG.warn("Kiwoom real-time: a frame that is not JSON was ignored");
                return;
            }
            String trnm = KiwoomJson.text(frame, "trnm");
            switch (trnm) {
                case "PING" -> webSocket.send(text); // echoed unchanged, as Kiwoom expects
                case "LOGIN" -> login(webSocket, frame);
                case "REG", "REMOVE" -> {
                    synchronized (KiwoomSocket.this) {
                        lastAck.put(trnm, KiwoomJson.returnCode(frame));
                        framesAcked++;
                        KiwoomSocket.this.notifyAll();
                    }
                    if (KiwoomJson.returnCode(frame) != 0) {
                        LOG.warn("Kiwoom real-time {} refused: {}", trnm, KiwoomJson.text(frame, "return_msg"));
                    }
                }
                case "CNSRLST", "CNSRREQ", "CNSRCLR" -> listener.onConditionFrame(trnm, frame);
                case "REAL" -> {
                    for (Iterator<JsonNode> it = frame.path("data").elements(); it.hasNext(); ) {
                        JsonNode element = it.next();
                        listener.onReal(KiwoomJson.text(element, "type"), KiwoomJson.text(element, "item"),
                                element.path("values"));
                    }
                }
                case "SYSTEM" -> {
                    // contents unknown; the official sample ends the session on it: reconnect
                    LOG.warn("Kiwoom real-time SYSTEM message: {}", KiwoomJson.text(frame, "message"));
                    webSocket.close(1000, "system message");
                    lost(webSocket, "SYSTEM message from Kiwoom");
                }
                default -> LOG.debug("Kiwoom real-time: {} frame ignored", trnm);
            }
        }

        private void login(WebSocket webSocket, JsonNode frame) {
            int rc = KiwoomJson.returnCode(frame);
            boolean again;
            String message = KiwoomJson.text(frame, "return_msg");
            int code = KiwoomException.detailCode(rc, message);
            synchronized (KiwoomSocket.this) {
                if (webSocket != socket) {
                    return;
                }
                if (rc == 0) {
                    again = everLoggedIn;
                    everLoggedIn = true;
                    loggedIn = true;
                    renewedForLogin = false;
                    retry = firstRetry;
                    registerAll();
                    KiwoomSocket.this.notifyAll();
                } else if (!renewedForLogin && (code == 8005 || code == 8031 || code == 8103 || rc == 8005)) {
                    renewedForLogin = true; // one new token, then the refusal is final
                    KiwoomTokens.Token rejected = loginToken;
                    socket = null;
                    webSocket.close(1000, "new token");
                    scheduler.execute(() -> {
                        try {
                            if (tokens.renewAfterRejection(rejected).isPresent()) {
                                connect();
                            } else {
                                fail("return_code " + rc + " " + message);
                            }
                        } catch (InterruptedException | KiwoomException e) {
                            fail(e.getMessage());
                        }
                    });
                    return;
                } else {
                    loginFailure = "return_code " + rc + " " + message + KiwoomErrors.hint(code);
                    KiwoomSocket.this.notifyAll();
                    return;
                }
            }
            listener.onConnection(true, "Kiwoom real-time session open");
            if (again) {
                listener.onLoggedInAgain();
            }
        }

        private void fail(String why) {
            synchronized (KiwoomSocket.this) {
                loginFailure = why;
                KiwoomSocket.this.notifyAll();
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            lost(webSocket, "closed by Kiwoom " + code + " " + reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            lost(webSocket, "closed " + code + " " + reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            lost(webSocket, t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
    }

    private void lost(WebSocket webSocket, String why) {
        Duration pause;
        synchronized (this) {
            if (webSocket != socket || closed) {
                return;
            }
            socket = null;
            loggedIn = false;
            pause = retry;
            retry = retry.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                    : retry.multipliedBy(2);
        }
        listener.onConnection(false, "Kiwoom real-time session lost (" + why + "); reconnecting in "
                + pause.toMillis() + " ms");
        scheduler.schedule(() -> {
            try {
                connect();
            } catch (InterruptedException | KiwoomException e) {
                LOG.warn("Kiwoom real-time reconnect of account {} failed: {}", config.id(), e.getMessage());
            }
        }, pause.toMillis(), TimeUnit.MILLISECONDS);
    }
}
