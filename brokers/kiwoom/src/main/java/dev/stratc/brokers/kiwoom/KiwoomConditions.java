package dev.stratc.brokers.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Condition search (조건검색) over the account's WebSocket session: the conditions saved in the HTS (영웅문4), run
 * once or followed in real time.
 *
 * <ul>
 *   <li>{@code ka10171} {@code CNSRLST}: the list, {@code data} of {@code [seq, name]} pairs.</li>
 *   <li>{@code ka10172} {@code CNSRREQ search_type "0"}: one run, paged by the body's {@code cont_yn}/{@code next_key}
 *       to the end; rows keyed by field id, {@code 9001} the code ({@code A005930}).</li>
 *   <li>{@code ka10173} {@code CNSRREQ search_type "1"}: the current hits ({@code jmcode}), then {@code REAL} frames of
 *       type {@code 02}: {@code 841} the condition's seq, {@code 843} {@code I} entered / {@code D} left,
 *       {@code 9001} the code.</li>
 *   <li>{@code ka10174} {@code CNSRCLR}: stop following.</li>
 * </ul>
 *
 * <p>The spec wants {@code CNSRLST} on a connection before its first real-time request, so the list is always asked
 * first, and asked again with every followed condition after a reconnect. Answers carry no request id, so one
 * request is outstanding at a time. At most {@link #MAX_FOLLOWED} conditions are followed per login (the terms'
 * limit, as two clients quote it); the 11th is refused here rather than by the server.
 */
public final class KiwoomConditions {
    public static final int MAX_FOLLOWED = 10;
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** A guard against a server that never says {@code cont_yn: N}. */
    private static final int MAX_PAGES = 100;

    /** A condition saved in the HTS: its sequence number (as Kiwoom sends it, trimmed) and name. */
    public record Condition(String seq, String name) {
    }

    private final String account;
    private final Object requestLock = new Object();
    private KiwoomSocket socket;
    /** The answer awaited: its trnm, and the frame once it came. */
    private String awaiting;
    private JsonNode answer;
    /** Followed conditions by seq: their change listener (code, entered). */
    private final Map<String, BiConsumer<String, Boolean>> followed = new LinkedHashMap<>();
    private final Map<String, Set<String>> hits = new LinkedHashMap<>();

    KiwoomConditions(String account) {
        this.account = account;
    }

    synchronized void attach(KiwoomSocket socket) {
        this.socket = socket;
    }

    /** ka10171: the user's conditions. */
    public List<Condition> list() {
        JsonNode frame = request("CNSRLST", KiwoomJson.MAPPER.createObjectNode().put("trnm", "CNSRLST"));
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode pair : frame.path("data")) {
            if (pair.isArray() && pair.size() >= 2) {
                conditions.add(new Condition(pair.get(0).asText().strip(), pair.get(1).asText().strip()));
            }
        }
        return conditions;
    }

    /** The condition named {@code name}; the error names the ones there are. */
    public Condition named(String name) {
        List<Condition> conditions = list();
        Optional<Condition> found = conditions.stream().filter(c -> c.name().equals(name.strip())).findFirst();
        return found.orElseThrow(() -> new KiwoomException("Kiwoom account " + account + " has no condition named '"
                + name + "' (its conditions: " + conditions.stream().map(Condition::name).toList()
                + "); conditions are made and saved in the HTS (영웅문4)", new IllegalArgumentException(name)));
    }

    /** ka10172: the codes the condition finds now, every page. */
    public List<String> run(Condition condition) {
        List<String> codes = new ArrayList<>();
        String contYn = "N";
        String nextKey = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode body = KiwoomJson.MAPPER.createObjectNode().put("trnm", "CNSRREQ").put("seq", condition.seq())
                    .put("search_type", "0").put("stex_tp", "K").put("cont_yn", contYn).put("next_key", nextKey);
            JsonNode frame = request("CNSRREQ", body);
            for (JsonNode row : frame.path("data")) {
                String code = KiwoomNumbers.code(KiwoomJson.text(row, "9001"));
                if (KiwoomNumbers.isKrxCode(code)) {
                    codes.add(code);
                }
            }
            contYn = KiwoomJson.text(frame, "cont_yn");
            nextKey = KiwoomJson.text(frame, "next_key");
            if (!"Y".equalsIgnoreCase(contYn) || nextKey.isBlank()) {
                break;
            }
        }
        return codes;
    }

    /**
     * ka10173: follows the condition from now on; returns its current hits, and tells {@code onChange} each code that
     * enters ({@code true}) or leaves ({@code false}) it, on the socket's thread.
     */
    public Set<String> follow(Condition condition, BiConsumer<String, Boolean> onChange) {
        synchronized (this) {
            if (!followed.containsKey(condition.seq()) && followed.size() >= MAX_FOLLOWED) {
                throw new KiwoomException("Kiwoom account " + account + ": at most " + MAX_FOLLOWED + " conditions are"
                        + " followed in real time per login; stop one first", new IllegalArgumentException());
            }
        }
        list(); // the spec: CNSRLST on the connection before a real-time request
        Set<String> now = startRealtime(condition.seq());
        synchronized (this) {
            followed.put(condition.seq(), onChange);
            hits.put(condition.seq(), new LinkedHashSet<>(now));
        }
        return now;
    }

    private Set<String> startRealtime(String seq) {
        ObjectNode body = KiwoomJson.MAPPER.createObjectNode().put("trnm", "CNSRREQ").put("seq", seq)
                .put("search_type", "1").put("stex_tp", "K");
        JsonNode frame = request("CNSRREQ", body);
        Set<String> now = new LinkedHashSet<>();
        for (JsonNode row : frame.path("data")) {
            String code = KiwoomNumbers.code(row.has("jmcode") ? KiwoomJson.text(row, "jmcode")
                    : KiwoomJson.text(row, "9001"));
            if (KiwoomNumbers.isKrxCode(code)) {
                now.add(code);
            }
        }
        return now;
    }

    /** ka10174: stops following the condition. */
    public void stop(Condition condition) {
        synchronized (this) {
            if (followed.remove(condition.seq()) == null) {
                return;
            }
            hits.remove(condition.seq());
        }
        request("CNSRCLR", KiwoomJson.MAPPER.createObjectNode().put("trnm", "CNSRCLR").put("seq", condition.seq()));
    }

    /** The followed condition's hits as last told. */
    public synchronized Set<String> hits(Condition condition) {
        return Set.copyOf(hits.getOrDefault(condition.seq(), Set.of()));
    }

    /** One request, its answer awaited; a {@code return_code} other than 0 is an error. */
    private JsonNode request(String trnm, ObjectNode body) {
        synchronized (requestLock) {
            KiwoomSocket s;
            synchronized (this) {
                s = socket;
                awaiting = trnm;
                answer = null;
            }
            if (s == null || !s.sendCondition(body)) {
                throw new KiwoomException("Kiwoom account " + account + ": the real-time session is not logged in;"
                        + " condition search (" + trnm + ") needs it");
            }
            long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
            JsonNode frame;
            synchronized (this) {
                try {
                    while (answer == null && System.nanoTime() < deadline) {
                        wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KiwoomException("interrupted while waiting for Kiwoom " + trnm, e);
                } finally {
                    awaiting = null;
                }
                frame = answer;
                answer = null;
            }
            if (frame == null) {
                throw new KiwoomException("Kiwoom account " + account + ": no answer to " + trnm + " within "
                        + ANSWER_TIMEOUT.toSeconds() + " s");
            }
            int rc = KiwoomJson.returnCode(frame);
            if (rc != 0) {
                String message = KiwoomJson.text(frame, "return_msg");
                int code = KiwoomException.detailCode(rc, message);
                throw new KiwoomException("Kiwoom " + trnm + " (account " + account + "): return_code " + rc + " "
                        + message + KiwoomErrors.hint(code), 200, rc, code, null);
            }
            return frame;
        }
    }

    /** From the socket's thread: an answer. */
    synchronized void onFrame(String trnm, JsonNode frame) {
        if (trnm.equals(awaiting) && answer == null) {
            answer = frame;
            notifyAll();
        }
    }

    /** From the socket's thread: a {@code REAL} element of type {@code 02}. */
    void onRealtime(JsonNode values) {
        String seq = KiwoomJson.text(values, "841").strip();
        String code = KiwoomNumbers.code(KiwoomJson.text(values, "9001"));
        boolean entered = "I".equalsIgnoreCase(KiwoomJson.text(values, "843").strip());
        BiConsumer<String, Boolean> onChange;
        synchronized (this) {
            onChange = followed.get(seq);
            Set<String> now = hits.get(seq);
            if (onChange == null || now == null || !KiwoomNumbers.isKrxCode(code)
                    || (entered ? !now.add(code) : !now.remove(code))) {
                return; // not followed, or nothing changed (a repeated entry)
            }
        }
        onChange.accept(code, entered);
    }

    /**
     * After a reconnect: CNSRLST, then each followed condition again; codes that entered or left while the session
     * was down are told as changes. Runs off the socket's thread (it waits for answers).
     */
    void resume() {
        Map<String, BiConsumer<String, Boolean>> again;
        synchronized (this) {
            again = new LinkedHashMap<>(followed);
        }
        if (again.isEmpty()) {
            return;
        }
        try {
            list();
            for (Map.Entry<String, BiConsumer<String, Boolean>> e : again.entrySet()) {
                Set<String> now = startRealtime(e.getKey());
                Set<String> before;
                synchronized (this) {
                    before = hits.put(e.getKey(), new LinkedHashSet<>(now));
                }
                before = before == null ? Set.of() : before;
                for (String code : now) {
                    if (!before.contains(code)) {
                        e.getValue().accept(code, true);
                    }
                }
                for (String code : before) {
                    if (!now.contains(code)) {
                        e.getValue().accept(code, false);
                    }
                }
            }
        } catch (KiwoomException e) {
            org.slf4j.LoggerFactory.getLogger(KiwoomConditions.class).warn("Kiwoom account {}: following the"
                    + " conditions again after a reconnect failed: {}", account, e.getMessage());
        }
    }
}
