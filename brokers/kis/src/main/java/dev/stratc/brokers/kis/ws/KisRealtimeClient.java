package dev.stratc.brokers.kis.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.auth.ApprovalKeyProvider;
import dev.stratc.brokers.kis.rest.KisJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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
 * The real-time socket of one app key. KIS allows one session per app key ({@code OPSP8996 ALREADY IN USE}) and
 * 41 registrations per session, every tr_id counted, the execution notices too ({@code OPSP0008 MAX SUBSCRIBE OVER}
 * on the 42nd), so this client refuses a second session for a key in the same process and more than
 * {@link #SESSION_SLOTS} registrations; the account pool decides which symbols each key watches.
 *
 * <p>When the socket drops the client reconnects with exponential back-off (KIS is reported to block keys that
 * reconnect in a tight loop) and registers everything again. Notices are decrypted with the key and iv of their
 * subscribe reply.
 */
public final class KisRealtimeClient implements AutoCloseable {

    /** Registrations KIS grants one session (measured: the 42nd is refused), notices included. */
    public static final int SESSION_SLOTS = 41;

    private static final Logger LOG = LoggerFactory.getLogger(KisRealtimeClient.class);
    private static final Set<String> LIVE_APP_KEYS = ConcurrentHashMap.newKeySet();

    private record Subscription(String trId, String trKey) {
    }

    /**
     * Reconnect back-off (doubling from {@code initialBackoff} up to {@code maxBackoff}) and the interval of
     * WebSocket pings: a connection that dies without a close (a dropped network) is noticed when a ping goes
     * unanswered for that long.
     */
    public record Timing(Duration initialBackoff, Duration maxBackoff, Duration pingInterval) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofSeconds(30));
    }

    private final OkHttpClient http;
    private final String url;
    private final KisCredentials credentials;
    private final ApprovalKeyProvider approvals;
    private final String custType;
    private final KisRealtimeListener listener;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final ScheduledExecutorService scheduler;

    private final Set<Subscription> wanted = new LinkedHashSet<>();
    private final Map<String, NoticeCipher> ciphers = new ConcurrentHashMap<>();
    private final Set<Subscription> confirmed = new LinkedHashSet<>();
    /** Registrations KIS refused, with its reason, until asked for again. */
    private final Map<Subscription, String> refusals = new java.util.HashMap<>();
    private WebSocket socket;
    private String approvalKey;
    private boolean open;
    private boolean closed;
    private int failures;

    public KisRealtimeClient(OkHttpClient http, String url, KisCredentials credentials, ApprovalKeyProvider approvals,
            String custType, KisRealtimeListener listener, Timing timing) {
        this.http = http.newBuilder().pingInterval(timing.pingInterval()).build();
        this.url = url;
        this.credentials = credentials;
        this.approvals = approvals;
        this.custType = custType;
        this.listener = listener;
        this.initialBackoff = timing.initialBackoff();
        this.maxBackoff = timing.maxBackoff();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kis-ws-" + credentials.fingerprint());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the session. */
    public void start() {
        if (!LIVE_APP_KEYS.add(credentials.appKey())) {
            throw new KisException("a KIS real-time session for app key " + credentials.fingerprint()
                    + "… is already open in this process; KIS allows one per key");
        }
        scheduler.execute(this::connect);
    }

    /** Registers {@code trId} for {@code trKey} (a symbol, or the HTS ID for notices), now or on connect. */
    public void subscribe(String trId, String trKey) {
        Subscription subscription = new Subscription(trId, trKey);
        WebSocket target;
        synchronized (this) {
            if (wanted.contains(subscription)) {
                return;
            }
            if (wanted.size() >= SESSION_SLOTS) {
                throw new KisException("app key " + credentials.fingerprint() + "… already has " + SESSION_SLOTS
                        + " real-time registrations (notices included), the most KIS allows one session; spread"
                        + " symbols over more accounts or poll them with the multi-symbol quote");
            }
            wanted.add(subscription);
            refusals.remove(subscription);
            target = open ? socket : null;
        }
        if (target != null) {
            target.send(registration(subscription, "1"));
        }
    }

    public void unsubscribe(String trId, String trKey) {
        Subscription subscription = new Subscription(trId, trKey);
        WebSocket target;
        synchronized (this) {
            if (!wanted.remove(subscription)) {
                return;
            }
            target = open ? socket : null;
        }
        if (target != null) {
            target.send(registration(subscription, "2"));
        }
    }

    /**
     * Waits until KIS confirmed the registration on the current connection; false on timeout or when KIS refused
     * it ({@link #refusal}). Orders should not be sent before the notice registration is confirmed, or their fills
     * are never told.
     */
    public synchronized boolean awaitRegistered(String trId, String trKey, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Subscription subscription = new Subscription(trId, trKey);
        while (!confirmed.contains(subscription)) {
            if (refusals.containsKey(subscription)) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** KIS's reason (msg_cd and message) if it refused this registration, else empty. */
    public synchronized java.util.Optional<String> refusal(String trId, String trKey) {
        return java.util.Optional.ofNullable(refusals.get(new Subscription(trId, trKey)));
    }

    /** How many registrations this session holds or is asking for. */
    public synchronized int registrations() {
        return wanted.size();
    }

    @Override
    public void close() {
        WebSocket current;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            current = socket;
            open = false;
        }
        if (current != null) {
            current.close(1000, "client closed");
        }
        scheduler.shutdownNow();
        LIVE_APP_KEYS.remove(credentials.appKey());
    }

    private void connect() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            String approvalKey = approvals.current();
            WebSocket created = http.newWebSocket(new Request.Builder().url(url).build(), new Handler(approvalKey));
            synchronized (this) {
                socket = created;
            }
        } catch (RuntimeException e) {
            reconnectLater(null, e.getMessage());
        }
    }

    private void reconnectLater(WebSocket failed, String reason) {
        long delay;
        synchronized (this) {
            if (closed || (failed != null && failed != socket)) {
                return;
            }
            open = false;
            confirmed.clear();
            delay = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(failures, 20));
            failures++;
        }
        LOG.warn("KIS real-time session of key {} lost ({}); reconnecting in {} ms", credentials.fingerprint(),
                reason, delay);
        listener.onDisconnected(reason, delay);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // close() won the race
        }
    }

    private String registration(Subscription subscription, String trType) {
        ObjectNode message = KisJson.MAPPER.createObjectNode();
        message.putObject("header").put("approval_key", approvalKey).put("custtype", custType)
                .put("tr_type", trType).put("content-type", "utf-8");
        message.putObject("body").putObject("input").put("tr_id", subscription.trId())
                .put("tr_key", subscription.trKey());
        return message.toString();
    }

    private final class Handler extends WebSocketListener {

        private final String key;

        Handler(String key) {
            this.key = key;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            List<Subscription> toSend;
            synchronized (KisRealtimeClient.this) {
                if (closed) {
                    webSocket.close(1000, "client closed");
                    return;
                }
                approvalKey = key;
                open = true;
                toSend = new ArrayList<>(wanted);
            }
            toSend.forEach(subscription -> webSocket.send(registration(subscription, "1")));
            listener.onConnected();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (text.startsWith("{")) {
                control(webSocket, text);
                return;
            }
            try {
                data(RealtimeFrames.frame(text));
            } catch (RuntimeException | java.security.GeneralSecurityException e) {
                LOG.warn("KIS real-time frame dropped: {}", e.getMessage());
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            reconnectLater(webSocket, "closed by KIS: " + code + " " + reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            reconnectLater(webSocket, String.valueOf(t.getMessage()));
        }
    }

    private void control(WebSocket webSocket, String text) {
        JsonNode message;
        try {
            message = KisJson.parse(text);
        } catch (java.io.IOException e) {
            LOG.warn("KIS real-time control message is not JSON; ignored");
            return;
        }
        JsonNode header = message.path("header");
        String trId = KisJson.text(header, "tr_id");
        if ("PINGPONG".equals(trId)) {
            webSocket.send(text); // KIS drops sessions that do not echo the heartbeat
            return;
        }
        JsonNode body = message.path("body");
        String msgCd = KisJson.text(body, "msg_cd");
        if ("0".equals(KisJson.text(body, "rt_cd"))) {
            synchronized (this) {
                failures = 0;
                if (msgCd.equals("OPSP0001")) {
                    confirmed.remove(new Subscription(trId, KisJson.text(header, "tr_key")));
                } else {
                    confirmed.add(new Subscription(trId, KisJson.text(header, "tr_key")));
                }
                notifyAll();
            }
            JsonNode output = body.path("output");
            if (!KisJson.text(output, "key").isEmpty()) {
                ciphers.put(trId, new NoticeCipher(KisJson.text(output, "key"), KisJson.text(output, "iv")));
            }
            return;
        }
        String trKey = KisJson.text(header, "tr_key");
        String msg1 = KisJson.text(body, "msg1").strip();
        LOG.warn("KIS refused real-time registration {} {}: [{}] {}", trId, shown(trId, trKey), msgCd, msg1);
        if (!"OPSP0002".equals(msgCd)) { // "already subscribed" is harmless
            synchronized (this) {
                Subscription refused = new Subscription(trId, trKey);
                wanted.remove(refused);
                refusals.put(refused, "[" + msgCd + "] " + msg1);
                notifyAll();
            }
            listener.onSubscriptionRefused(trId, trKey, msgCd, msg1);
        }
    }

    /** A notice registration's key is the HTS ID, which logs show masked. */
    private static String shown(String trId, String trKey) {
        return RealtimeFrames.isNotice(trId) ? dev.stratc.brokers.kis.KisMask.tail(trKey) : trKey;
    }

    private void data(RealtimeFrames.Frame frame) throws java.security.GeneralSecurityException {
        String payload = frame.payload();
        if (frame.encrypted()) {
            NoticeCipher cipher = ciphers.get(frame.trId());
            if (cipher == null) {
                throw new IllegalArgumentException("encrypted " + frame.trId() + " frame before its subscribe reply");
            }
            payload = cipher.decrypt(payload);
        }
        switch (frame.trId()) {
            case RealtimeFrames.TRADES, "H0NXCNT0", "H0UNCNT0" -> RealtimeFrames
                    .records(payload, frame.count(), RealtimeFrames.TRADE_FIELDS)
                    .forEach(fields -> listener.onTrade(RealtimeFrames.trade(fields)));
            case RealtimeFrames.BOOK, "H0NXASP0", "H0UNASP0" -> RealtimeFrames
                    .records(payload, frame.count(), RealtimeFrames.BOOK_FIELDS)
                    .forEach(fields -> listener.onBook(RealtimeFrames.book(fields)));
            case RealtimeFrames.NOTICES_REAL, RealtimeFrames.NOTICES_PAPER -> RealtimeFrames
                    .records(payload, frame.count(), RealtimeFrames.NOTICE_MIN_FIELDS)
                    .forEach(fields -> listener.onNotice(RealtimeFrames.notice(fields)));
            default -> LOG.debug("KIS real-time frame for unhandled tr_id {}", frame.trId());
        }
    }
}
