package dev.stratc.brokers.kiwoom.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local Kiwoom REST and WebSocket API that behaves as {@code shared/refs/kiwoom-api.md} says the real one does:
 * {@code POST} + JSON only, the TR chosen by {@code api-id} (1504 on the wrong path, 1505 unknown), every refusal as
 * HTTP 200 with {@code return_code} and the detailed code in brackets ({@code [8005:…]}, {@code [1700:…]}); numbers
 * as strings, zero-padded, prices signed by direction, codes with an {@code A} prefix in kt00018; list TRs paged
 * with {@code cont-yn}/{@code next-key}; at most {@link #perApiIdPerSecond} requests of an api-id per key in any
 * rolling second, refused with {@code return_code 5} and {@code [1700:허용된 API 요청 개수를 초과하였습니다. 유량=1]}.
 * The host is either the real one or 모의투자 (KRX only; keys of the other host get 8030). Orders push {@code 00}
 * notices and {@code 04} balance notices over the socket; {@code LOGIN}, {@code REG}/{@code REMOVE}, {@code PING}
 * echoes are served from the same port.
 *
 * <p>Anything the adapter sends that the real server would refuse is answered with an error and recorded in
 * {@link #violations()}, which tests assert to be empty.
 */
public final class MockKiwoom implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("kt10000", "/api/dostk/ordr"), Map.entry("kt10001", "/api/dostk/ordr"),
            Map.entry("kt10002", "/api/dostk/ordr"), Map.entry("kt10003", "/api/dostk/ordr"),
            Map.entry("kt00018", "/api/dostk/acnt"), Map.entry("kt00001", "/api/dostk/acnt"),
            Map.entry("ka10075", "/api/dostk/acnt"), Map.entry("kt00007", "/api/dostk/acnt"),
            Map.entry("ka01690", "/api/dostk/acnt"),
            Map.entry("ka10081", "/api/dostk/chart"), Map.entry("ka10080", "/api/dostk/chart"),
            Map.entry("ka10001", "/api/dostk/stkinfo"), Map.entry("ka10095", "/api/dostk/stkinfo"));
    private static final Set<String> TRADE_TYPES = Set.of("0", "3", "5", "6", "7", "10", "13", "16", "20", "23",
            "26", "28", "29", "30", "31", "61", "62", "81");

    /** One account: the app key is the account. */
    static final class Account {
        final String appKey;
        final String secret;
        long cash;
        final Map<String, long[]> holdings = new LinkedHashMap<>(); // code -> {qty, avg}
        final List<Order> orders = new ArrayList<>();

        Account(String appKey, String secret, long cash) {
            this.appKey = appKey;
            this.secret = secret;
            this.cash = cash;
        }
    }

    static final class Order {
        String no;
        String originalNo = "";
        String symbol;
        boolean buy;
        boolean market;
        long quantity;
        long price;
        long filled;
        long filledValue;
        long remaining;
        String kind = "";
        boolean rejected;
    }

    private final MockWebServer server = new MockWebServer();
    private final boolean mockHost;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Long> prices = new LinkedHashMap<>();
    private final Map<String, Long> dayVolumes = new HashMap<>();
    private final Map<String, List<String[]>> dailyBars = new HashMap<>();
    private final Map<String, List<String[]>> minuteBars = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>(); // token -> app key
    private final Map<String, Integer> tokensIssued = new HashMap<>();
    private final Map<String, Deque<Long>> recent = new HashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final List<String> breaches = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger pingEchoes = new AtomicInteger();
    private final AtomicInteger orderSequence = new AtomicInteger(137);
    private final AtomicInteger fillSequence = new AtomicInteger(1);
    private int perApiIdPerSecond = 1;
    private int pageSize = 20;
    private final Deque<Integer> injected1700 = new ArrayDeque<>();
    /** HTS conditions by seq: name and current hits, in order. */
    private final Map<String, String> conditionNames = new LinkedHashMap<>();
    private final Map<String, java.util.LinkedHashSet<String>> conditionHits = new ConcurrentHashMap<>();
    private int conditionPageSize = 50;

    /** A real host ({@code false}) or 모의투자 ({@code true}). */
    public MockKiwoom(boolean mockHost) {
        this.mockHost = mockHost;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return handle(request);
                } catch (RuntimeException e) {
                    violations.add("mock failed on " + request.getPath() + ": " + e);
                    return new MockResponse().setResponseCode(500).setBody("{}");
                }
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- set-up and inspection

    public synchronized void addAccount(String appKey, String secret, long cash) {
        accounts.put(appKey, new Account(appKey, secret, cash));
    }

    /** Shares the account held before the run (bought in the HTS, say). */
    public synchronized void hold(String appKey, String code, long quantity, long averagePrice) {
        accounts.get(appKey).holdings.put(code, new long[] {quantity, averagePrice});
    }

    public synchronized void addSymbol(String code, long price) {
        prices.put(code, price);
    }

    public synchronized long lastPrice(String code) {
        return prices.get(code);
    }

    /** Daily bars, oldest first: {yyyyMMdd, open, high, low, close, volume}. */
    public synchronized void setDailyBars(String code, List<String[]> rows) {
        dailyBars.put(code, List.copyOf(rows));
    }

    /** Minute bars, oldest first: {yyyyMMddHHmmss, open, high, low, close, volume}. */
    public synchronized void setMinuteBars(String code, List<String[]> rows) {
        minuteBars.put(code, List.copyOf(rows));
    }

    public synchronized void setPerApiIdPerSecond(int limit) {
        perApiIdPerSecond = limit;
    }

    /** A condition saved in the user's HTS, with the codes it finds now. */
    public synchronized void addCondition(String seq, String name, List<String> codes) {
        conditionNames.put(seq, name);
        conditionHits.put(seq, new java.util.LinkedHashSet<>(codes));
    }

    public synchronized void setConditionPageSize(int rows) {
        conditionPageSize = rows;
    }

    /** A code enters ({@code true}) or leaves the condition: a {@code REAL} type 02 frame to the sessions following it. */
    public void conditionChange(String seq, String code, boolean entered) {
        synchronized (this) {
            java.util.LinkedHashSet<String> hits = conditionHits.get(seq);
            if (!(entered ? hits.add(code) : hits.remove(code))) {
                return;
            }
        }
        ObjectNode values = JSON.createObjectNode().put("841", seq).put("843", entered ? "I" : "D")
                .put("9001", code).put("20", LocalDateTime.now(KST).format(DateTimeFormatter.ofPattern("HHmmss")))
                .put("907", "2");
        String frame = real("02", "조건검색", code, values);
        sockets.stream().filter(sk -> sk.following.contains(seq)).forEach(sk -> sk.send(frame));
    }

    /** Whether a logged-in session follows the condition in real time. */
    public boolean following(String seq) {
        return sockets.stream().anyMatch(sk -> sk.loggedIn && sk.following.contains(seq));
    }

    synchronized String conditionAnswer(Socket socket, JsonNode frame) {
        String trnm = frame.path("trnm").asText();
        String seq = frame.path("seq").asText();
        ObjectNode reply = JSON.createObjectNode().put("trnm", trnm);
        switch (trnm) {
            case "CNSRLST" -> {
                socket.listed = true;
                ArrayNode data = reply.put("return_code", 0).put("return_msg", "").putArray("data");
                conditionNames.forEach((k, name) -> data.addArray().add(k).add(name));
            }
            case "CNSRREQ" -> {
                String type = frame.path("search_type").asText();
                if (!conditionNames.containsKey(seq) || !"K".equals(frame.path("stex_tp").asText())
                        || !Set.of("0", "1").contains(type)) {
                    violations.add("CNSRREQ with seq '" + seq + "', search_type '" + type + "', stex_tp '"
                            + frame.path("stex_tp").asText() + "'");
                    return reply.put("return_code", 1).put("return_msg", "조건검색 요청이 올바르지 않습니다").toString();
                }
                List<String> hits = new ArrayList<>(conditionHits.get(seq));
                reply.put("seq", seq + " "); // the spec's sample pads seq with a blank
                if (type.equals("1")) {
                    if (!socket.listed) {
                        violations.add("CNSRREQ search_type 1 before CNSRLST on the connection");
                        return reply.put("return_code", 1).put("return_msg", "조건검색 목록조회를 먼저 하십시오")
                                .toString();
                    }
                    if (!socket.following.contains(seq) && socket.following.size() >= 10) {
                        return reply.put("return_code", 1).put("return_msg", "실시간 조건검색은 10개까지 가능합니다")
                                .toString();
                    }
                    socket.following.add(seq);
                    ArrayNode data = reply.put("return_code", 0).put("return_msg", "").putArray("data");
                    hits.forEach(code -> data.addObject().put("jmcode", "A" + code));
                } else {
                    int offset = 0;
                    if ("Y".equals(frame.path("cont_yn").asText())) {
                        offset = Integer.parseInt(frame.path("next_key").asText());
                    }
                    int end = Math.min(hits.size(), offset + conditionPageSize);
                    ArrayNode data = reply.put("return_code", 0).put("return_msg", "")
                            .put("cont_yn", end < hits.size() ? "Y" : "N")
                            .put("next_key", end < hits.size() ? Integer.toString(end) : "").putArray("data");
                    for (String code : hits.subList(offset, end)) {
                        long price = prices.getOrDefault(code, 10_000L);
                        data.addObject().put("9001", "A" + code).put("302", "종목")
                                .put("10", String.format("%09d", price)).put("25", "3").put("11", "000000000")
                                .put("12", "000000000").put("13", "000000000");
                    }
                }
            }
            default -> { // CNSRCLR
                socket.following.remove(seq);
                reply.put("seq", seq).put("return_code", 0).put("return_msg", "");
            }
        }
        return reply.toString();
    }

    public synchronized void setPageSize(int rows) {
        pageSize = rows;
    }

    /** The next {@code n} TR requests of any api-id are refused with 1700, as a busy server does. */
    public synchronized void refuseNext(int n) {
        for (int i = 0; i < n; i++) {
            injected1700.add(i);
        }
    }

    /** Every token issued so far stops working (8005), as on expiry. */
    public synchronized void expireTokens() {
        tokens.clear();
    }

    public synchronized int tokensIssued(String appKey) {
        return tokensIssued.getOrDefault(appKey, 0);
    }

    public String restUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    public String webSocketUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/api/dostk/websocket";
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Requests over the per-api-id limit that reached the mock (each was refused with 1700). */
    public List<String> rateBreaches() {
        return List.copyOf(breaches);
    }

    public int refusals() {
        return refusals.get();
    }

    public int calls(String apiId) {
        return calls.getOrDefault(apiId, 0);
    }

    public synchronized long cash(String appKey) {
        return accounts.get(appKey).cash;
    }

    public synchronized long holding(String appKey, String code) {
        long[] h = accounts.get(appKey).holdings.get(code);
        return h == null ? 0 : h[0];
    }

    public synchronized int orders(String appKey) {
        return (int) accounts.get(appKey).orders.stream().filter(o -> o.kind.isEmpty()).count();
    }

    public int pingEchoes() {
        return pingEchoes.get();
    }

    /** Whether a logged-in socket has {@code type} registered for {@code item}. */
    public boolean registered(String type, String item) {
        return sockets.stream().anyMatch(s -> s.loggedIn && s.registrations.contains(type + "|" + item));
    }

    /** Sends a PING to every logged-in socket; their echoes are counted in {@link #pingEchoes()}. */
    public void ping() {
        sockets.forEach(s -> s.send("{\"trnm\":\"PING\"}"));
    }

    /** Closes every socket from the server's side (1001 going away), as a server restart does. */
    public void closeSockets() {
        for (Socket s : sockets) {
            s.loggedIn = false;
            sockets.remove(s);
            WebSocket ws = s.socket;
            if (ws != null) {
                ws.close(1001, "going away");
            }
        }
    }

    /**
     * A trade of {@code size} at {@code price}: the last price moves, {@code 0B} goes to the sockets that registered
     * the code, and working orders the trade reaches fill up to {@code size}.
     */
    public void tradeAt(String code, long price, long size) {
        List<Runnable> pushes = new ArrayList<>();
        synchronized (this) {
            long previous = prices.getOrDefault(code, price);
            prices.put(code, price);
            dayVolumes.merge(code, size, Long::sum);
            String now = LocalDateTime.now(KST).format(DateTimeFormatter.ofPattern("HHmmss"));
            ObjectNode values = JSON.createObjectNode().put("20", now).put("10", signed(price, previous))
                    .put("15", "+" + size).put("13", Long.toString(size)).put("27", signed(price + tick(price), previous))
                    .put("28", signed(price, previous));
            String frame = real("0B", "주식체결", code, values);
            pushes.add(() -> sockets.stream().filter(s -> s.registrations.contains("0B|" + code))
                    .forEach(s -> s.send(frame)));
            long left = size;
            for (Account account : accounts.values()) {
                for (Order o : account.orders) {
                    if (left == 0) {
                        break;
                    }
                    if (o.remaining == 0 || !o.symbol.equals(code) || !o.kind.isEmpty()) {
                        continue;
                    }
                    boolean reaches = o.market || (o.buy ? o.price >= price : o.price <= price);
                    if (!reaches) {
                        continue;
                    }
                    long qty = Math.min(left, o.remaining);
                    left -= qty;
                    fill(account, o, qty, price, pushes);
                }
            }
        }
        pushes.forEach(Runnable::run);
    }

    /** Called with the lock held. */
    private void fill(Account account, Order o, long qty, long price, List<Runnable> pushes) {
        o.remaining -= qty;
        o.filled += qty;
        o.filledValue += qty * price;
        long[] h = account.holdings.computeIfAbsent(o.symbol, k -> new long[] {0, 0});
        if (o.buy) {
            account.cash -= qty * price;
            h[1] = (h[0] * h[1] + qty * price) / (h[0] + qty);
            h[0] += qty;
        } else {
            account.cash += qty * price;
            h[0] -= qty;
            if (h[0] == 0) {
                account.holdings.remove(o.symbol);
            }
        }
        ObjectNode v = notice(o, "체결").put("909", String.format("%07d", fillSequence.getAndIncrement()))
                .put("910", Long.toString(price)).put("911", Long.toString(qty))
                .put("914", Long.toString(price)).put("915", Long.toString(qty)).put("938", "0").put("939", "0");
        String n = real("00", "주문체결", "", v);
        ObjectNode b = JSON.createObjectNode().put("9201", "masked").put("9001", "A" + o.symbol)
                .put("10", Long.toString(price)).put("930", Long.toString(h[0])).put("931", Long.toString(h[1]));
        String balance = real("04", "잔고", "", b);
        String key = account.appKey;
        pushes.add(() -> pushNotice(key, n));
        pushes.add(() -> pushNotice(key, balance));
    }

    private ObjectNode notice(Order o, String status) {
        return JSON.createObjectNode().put("9201", "masked").put("9203", o.no).put("904", o.originalNo)
                .put("9001", "A" + o.symbol).put("913", status).put("905", o.buy ? "+매수" : "-매도")
                .put("906", o.market ? "시장가" : "보통").put("907", o.buy ? "2" : "1")
                .put("900", Long.toString(o.quantity)).put("901", Long.toString(o.price))
                .put("902", Long.toString(o.remaining)).put("908", LocalDateTime.now(KST)
                        .format(DateTimeFormatter.ofPattern("HHmmss"))).put("2134", "1");
    }

    private void pushNotice(String appKey, String frame) {
        sockets.stream().filter(s -> appKey.equals(s.appKey) && s.registrations.contains("00|")).forEach(s ->
                s.send(frame));
    }

    static String real(String type, String name, String item, ObjectNode values) {
        ObjectNode frame = JSON.createObjectNode().put("trnm", "REAL");
        frame.putArray("data").addObject().put("type", type).put("name", name).put("item", item).set("values", values);
        return frame.toString();
    }

    private static String signed(long price, long previous) {
        return (price > previous ? "+" : price < previous ? "-" : "") + price;
    }

    private static long tick(long price) {
        return price < 2_000 ? 1 : price < 5_000 ? 5 : price < 20_000 ? 10 : price < 50_000 ? 50
                : price < 200_000 ? 100 : price < 500_000 ? 500 : 1_000;
    }

    // ---------------------------------------------------------------- HTTP

    private MockResponse handle(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        if (path.equals("/api/dostk/websocket")) {
            Socket socket = new Socket(this);
            sockets.add(socket);
            return new MockResponse().withWebSocketUpgrade(socket);
        }
        if (!request.getMethod().equals("POST")) {
            violations.add(request.getMethod() + " " + path + ": Kiwoom takes POST only");
            return new MockResponse().setResponseCode(405);
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            violations.add(path + ": Content-Type " + contentType);
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            violations.add(path + ": body is not JSON");
            return error(1517, "입력 값 형식이 올바르지 않습니다");
        }
        String apiId = request.getHeader("api-id");
        calls.merge(apiId == null ? "?" : apiId, 1, Integer::sum);
        return switch (path) {
            case "/oauth2/token" -> token(body);
            case "/oauth2/revoke" -> revoke(body);
            default -> tr(path, apiId, request, body);
        };
    }

    private static MockResponse ok(ObjectNode body) {
        return new MockResponse().setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(body.put("return_code", 0).put("return_msg", "정상적으로 처리되었습니다").toString());
    }

    private static MockResponse error(int code, String message) {
        // most refusals use a small return_code and the detailed code in brackets
        int rc = code == 1700 ? 5 : code >= 8000 ? 3 : 2;
        return new MockResponse().setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(JSON.createObjectNode().put("return_code", rc)
                        .put("return_msg", message + "[" + code + ":" + message + "]").toString());
    }

    private static MockResponse businessError(String message) {
        return new MockResponse().setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(JSON.createObjectNode().put("return_code", 20).put("return_msg", message).toString());
    }

    private synchronized MockResponse token(JsonNode body) {
        if (!"client_credentials".equals(body.path("grant_type").asText())) {
            violations.add("au10001 without grant_type client_credentials");
            return error(8009, "grant_type이 없습니다");
        }
        if (body.has("appsecret")) {
            violations.add("au10001 sent appsecret (KIS's name); Kiwoom's is secretkey");
        }
        String key = body.path("appkey").asText();
        Account account = accounts.get(key);
        if (account == null) {
            return error(foreignKey(key) ? 8030 : 8001, foreignKey(key) ? "실전/모의 구분이 맞지 않습니다"
                    : "App Key와 Secret Key 검증에 실패했습니다");
        }
        if (!account.secret.equals(body.path("secretkey").asText())) {
            return error(8002, "App Key와 Secret Key 검증에 실패했습니다");
        }
        String token = UUID.randomUUID().toString().replace("-", "") + "tok";
        tokens.put(token, key);
        tokensIssued.merge(key, 1, Integer::sum);
        ObjectNode reply = JSON.createObjectNode().put("expires_dt", LocalDateTime.now(KST).plusHours(24)
                .format(EXPIRES)).put("token_type", "bearer").put("token", token);
        return ok(reply);
    }

    /** Keys of the other host: the real one knows "live" keys, the mock one "paper" keys (by our tests' naming). */
    private boolean foreignKey(String key) {
        return mockHost ? key.startsWith("REAL") : key.startsWith("MOCK");
    }

    private synchronized MockResponse revoke(JsonNode body) {
        String token = body.path("token").asText();
        if (tokens.remove(token) == null) {
            return error(8015, "토큰 폐기에 실패했습니다");
        }
        return ok(JSON.createObjectNode());
    }

    private MockResponse tr(String path, String apiId, RecordedRequest request, JsonNode body) {
        if (apiId == null || apiId.isBlank()) {
            violations.add(path + ": no api-id header");
            return error(1501, "API ID가 없습니다");
        }
        String expected = PATHS.get(apiId);
        if (expected == null) {
            violations.add("unknown api-id " + apiId);
            return error(1505, "API ID가 존재하지 않습니다");
        }
        if (!expected.equals(path)) {
            violations.add(apiId + " sent to " + path + ", belongs to " + expected);
            return error(1504, "해당 URI에서는 지원하지 않는 API ID입니다");
        }
        String auth = request.getHeader("authorization");
        Account account;
        synchronized (this) {
            if (auth == null || !auth.startsWith("Bearer ")) {
                violations.add(apiId + ": authorization " + (auth == null ? "missing" : "not 'Bearer …'"));
                return error(1514, "authorization 헤더가 올바르지 않습니다");
            }
            String key = tokens.get(auth.substring(7));
            if (key == null) {
                return error(8005, "Token이 유효하지 않습니다");
            }
            account = accounts.get(key);
            if (!injected1700.isEmpty()) {
                injected1700.removeFirst();
                refusals.incrementAndGet();
                return error(1700, "허용된 API 요청 개수를 초과하였습니다. 유량=1 API ID=" + apiId);
            }
            long now = System.nanoTime();
            Deque<Long> log = recent.computeIfAbsent(key + "|" + apiId, k -> new ArrayDeque<>());
            while (!log.isEmpty() && now - log.peekFirst() >= 1_000_000_000L) {
                log.removeFirst();
            }
            if (log.size() >= perApiIdPerSecond) {
                breaches.add(apiId + " at " + now);
                refusals.incrementAndGet();
                return error(1700, "허용된 API 요청 개수를 초과하였습니다. 유량=" + perApiIdPerSecond);
            }
            log.addLast(now);
        }
        String contYn = request.getHeader("cont-yn");
        int offset = 0;
        if ("Y".equals(contYn)) {
            String nextKey = request.getHeader("next-key");
            try {
                offset = Integer.parseInt(nextKey.substring(nextKey.indexOf(':') + 1));
            } catch (RuntimeException e) {
                violations.add(apiId + ": cont-yn Y with next-key '" + nextKey + "'");
                return error(1517, "next-key 형식이 올바르지 않습니다");
            }
        }
        if (mockHost && apiId.equals("ka01690")) {
            return businessError("모의투자에서는 지원하지 않는 서비스입니다[RC9000]");
        }
        synchronized (this) {
            return switch (apiId) {
                case "kt10000", "kt10001" -> order(account, apiId.equals("kt10000"), body);
                case "kt10002" -> modify(account, body);
                case "kt10003" -> cancel(account, body);
                case "kt00018" -> balance(account, body, offset);
                case "kt00001" -> deposit(account, body);
                case "ka10075" -> openOrders(account, body, offset);
                case "kt00007" -> allOrders(account, body, offset);
                case "ka10081" -> daily(body, offset);
                case "ka10080" -> minutes(body, offset);
                case "ka10095" -> watchList(body);
                default -> error(1505, "API ID가 존재하지 않습니다");
            };
        }
    }

    private boolean required(String apiId, JsonNode body, String... fields) {
        for (String field : fields) {
            if (!body.has(field) || !body.get(field).isTextual()) {
                violations.add(apiId + ": '" + field + "' missing or not a string");
                return false;
            }
        }
        return true;
    }

    private boolean exchange(String apiId, String value) {
        if (mockHost ? !value.equals("KRX") : !value.matches("KRX|NXT|SOR")) {
            violations.add(apiId + ": dmst_stex_tp '" + value + "' on the " + (mockHost ? "모의투자" : "real") + " host");
            return false;
        }
        return true;
    }

    private boolean code(String apiId, String code) {
        if (!code.matches("[0-9][0-9A-Z]{5}")) {
            violations.add(apiId + ": stk_cd '" + code + "' (send the 6-character code, no A prefix)");
            return false;
        }
        return true;
    }

    private MockResponse order(Account account, boolean buy, JsonNode body) {
        String apiId = buy ? "kt10000" : "kt10001";
        if (!required(apiId, body, "dmst_stex_tp", "stk_cd", "ord_qty", "trde_tp")
                || !exchange(apiId, body.get("dmst_stex_tp").asText()) || !code(apiId, body.get("stk_cd").asText())) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        String code = body.get("stk_cd").asText();
        String type = body.get("trde_tp").asText();
        if (!TRADE_TYPES.contains(type) || !body.get("ord_qty").asText().matches("[1-9][0-9]*")) {
            violations.add(apiId + ": trde_tp '" + type + "' / ord_qty '" + body.get("ord_qty").asText() + "'");
            return error(1517, "입력 값 형식이 올바르지 않습니다");
        }
        boolean market = type.equals("3") || type.equals("13") || type.equals("23");
        String uv = body.path("ord_uv").asText("");
        if (market ? !uv.isEmpty() : !uv.matches("[1-9][0-9]*")) {
            violations.add(apiId + ": ord_uv '" + uv + "' for trde_tp " + type);
            return error(1517, "주문단가 형식이 올바르지 않습니다");
        }
        if (!prices.containsKey(code)) {
            return error(1902, "종목 정보가 없습니다");
        }
        long quantity = Long.parseLong(body.get("ord_qty").asText());
        long price = market ? prices.get(code) : Long.parseLong(uv);
        if (!market && price % tick(price) != 0) {
            return businessError("[2000:호가단위가 맞지 않습니다]");
        }
        if (buy && quantity * price > account.cash - committed(account)) {
            return businessError("[2000:주문가능금액을 초과합니다] 증거금 부족");
        }
        if (!buy) {
            long[] h = account.holdings.get(code);
            long selling = account.orders.stream().filter(o -> !o.buy && o.kind.isEmpty() && o.symbol.equals(code))
                    .mapToLong(o -> o.remaining).sum();
            if (h == null || h[0] - selling < quantity) {
                return businessError("[2000:매도가능수량이 부족합니다]");
            }
        }
        Order o = new Order();
        o.no = nextOrderNo();
        o.symbol = code;
        o.buy = buy;
        o.market = market;
        o.quantity = quantity;
        o.price = market ? 0 : price;
        o.remaining = quantity;
        account.orders.add(o);
        String received = real("00", "주문체결", "", notice(o, "접수"));
        String key = account.appKey;
        Thread.ofVirtual().start(() -> pushNotice(key, received));
        return ok(JSON.createObjectNode().put("ord_no", o.no).put("dmst_stex_tp", "KRX")
                .put("return_msg", buy ? "매수주문이 완료되었습니다." : "매도주문이 완료되었습니다."));
    }

    private long committed(Account account) {
        return account.orders.stream().filter(o -> o.buy && o.kind.isEmpty())
                .mapToLong(o -> o.remaining * (o.market ? prices.get(o.symbol) : o.price)).sum();
    }

    private String nextOrderNo() {
        return String.format("%07d", orderSequence.getAndIncrement());
    }

    private Order working(Account account, String no) {
        return account.orders.stream().filter(o -> o.no.equals(no) && o.kind.isEmpty() && o.remaining > 0)
                .findFirst().orElse(null);
    }

    private MockResponse modify(Account account, JsonNode body) {
        if (!required("kt10002", body, "dmst_stex_tp", "orig_ord_no", "stk_cd", "mdfy_qty", "mdfy_uv")
                || !exchange("kt10002", body.get("dmst_stex_tp").asText())) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        Order original = working(account, body.get("orig_ord_no").asText());
        if (original == null || original.market) {
            return businessError("[2000:정정할 주문이 없습니다]");
        }
        long qty = Long.parseLong(body.get("mdfy_qty").asText());
        long price = Long.parseLong(body.get("mdfy_uv").asText());
        if (qty <= 0 || qty > original.remaining) {
            return businessError("[2000:정정가능수량을 초과합니다]");
        }
        original.remaining -= qty; // the modified part moves to the new order number
        Order amended = new Order();
        amended.no = nextOrderNo();
        amended.originalNo = original.no;
        amended.symbol = original.symbol;
        amended.buy = original.buy;
        amended.quantity = qty;
        amended.remaining = qty;
        amended.price = price;
        account.orders.add(amended);
        return ok(JSON.createObjectNode().put("ord_no", amended.no).put("base_orig_ord_no", original.no)
                .put("mdfy_qty", String.format("%012d", qty)).put("dmst_stex_tp", "KRX"));
    }

    private MockResponse cancel(Account account, JsonNode body) {
        if (!required("kt10003", body, "dmst_stex_tp", "orig_ord_no", "stk_cd", "cncl_qty")
                || !exchange("kt10003", body.get("dmst_stex_tp").asText())) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        Order original = working(account, body.get("orig_ord_no").asText());
        if (original == null) {
            return businessError("[2000:취소가능수량이 없습니다]");
        }
        long qty = Long.parseLong(body.get("cncl_qty").asText());
        long cancelled = qty == 0 ? original.remaining : Math.min(qty, original.remaining);
        original.remaining -= cancelled;
        Order c = new Order();
        c.no = nextOrderNo();
        c.originalNo = original.no;
        c.symbol = original.symbol;
        c.buy = original.buy;
        c.quantity = cancelled;
        c.kind = original.buy ? "매수취소" : "매도취소";
        account.orders.add(c);
        return ok(JSON.createObjectNode().put("ord_no", c.no).put("base_orig_ord_no", original.no)
                .put("cncl_qty", String.format("%012d", cancelled)).put("return_msg", "매수취소 주문입력이 완료되었습니다"));
    }

    /** One page of {@code rows} from {@code offset}, with the paging headers when more follow. */
    private MockResponse page(ObjectNode reply, String field, List<ObjectNode> rows, int offset) {
        ArrayNode list = reply.putArray(field);
        int end = Math.min(rows.size(), offset + pageSize);
        rows.subList(Math.min(offset, end), end).forEach(list::add);
        MockResponse response = ok(reply);
        if (end < rows.size()) {
            response.setHeader("cont-yn", "Y").setHeader("next-key", field + ":" + end);
        } else {
            response.setHeader("cont-yn", "N").setHeader("next-key", "");
        }
        return response;
    }

    private static String pad(long value) {
        return value < 0 ? "-" + String.format("%014d", -value) : String.format("%015d", value);
    }

    private MockResponse balance(Account account, JsonNode body, int offset) {
        if (!required("kt00018", body, "qry_tp", "dmst_stex_tp") || !exchange("kt00018",
                body.get("dmst_stex_tp").asText())) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        List<ObjectNode> rows = new ArrayList<>();
        long totalBuy = 0;
        for (Map.Entry<String, long[]> e : account.holdings.entrySet()) {
            long qty = e.getValue()[0];
            long avg = e.getValue()[1];
            long price = prices.getOrDefault(e.getKey(), avg);
            long selling = account.orders.stream().filter(o -> !o.buy && o.kind.isEmpty()
                    && o.symbol.equals(e.getKey())).mapToLong(o -> o.remaining).sum();
            totalBuy += qty * avg;
            rows.add(JSON.createObjectNode().put("stk_cd", "A" + e.getKey()).put("stk_nm", "종목")
                    .put("rmnd_qty", pad(qty)).put("trde_able_qty", pad(qty - selling)).put("pur_pric", pad(avg))
                    .put("cur_prc", pad(price)).put("evltv_prft", pad((price - avg) * qty))
                    .put("prft_rt", String.format("%.2f", avg == 0 ? 0 : (price - avg) * 100.0 / avg))
                    .put("pur_amt", pad(qty * avg)).put("evlt_amt", pad(qty * price)));
        }
        ObjectNode reply = JSON.createObjectNode().put("tot_pur_amt", pad(totalBuy))
                .put("prsm_dpst_aset_amt", pad(account.cash));
        return page(reply, "acnt_evlt_remn_indv_tot", rows, offset);
    }

    private MockResponse deposit(Account account, JsonNode body) {
        if (!required("kt00001", body, "qry_tp")) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        return ok(JSON.createObjectNode().put("entr", pad(account.cash))
                .put("ord_alow_amt", pad(account.cash - committed(account))));
    }

    private ObjectNode row(Order o) {
        return JSON.createObjectNode().put("ord_no", o.no).put("orig_ord_no", o.originalNo).put("stk_cd", o.symbol)
                .put("ord_qty", Long.toString(o.quantity)).put("ord_pric", Long.toString(o.price))
                .put("oso_qty", Long.toString(o.remaining)).put("cntr_qty", Long.toString(o.filled))
                .put("cntr_pric", Long.toString(o.filled == 0 ? 0 : o.filledValue / o.filled))
                .put("io_tp_nm", o.buy ? "+매수" : "-매도").put("trde_tp", o.market ? "시장가" : "보통")
                .put("ord_stt", o.filled > 0 ? "체결" : "접수").put("stex_tp", "1").put("sor_yn", "N");
    }

    private MockResponse openOrders(Account account, JsonNode body, int offset) {
        if (!required("ka10075", body, "all_stk_tp", "trde_tp", "stex_tp")) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        List<ObjectNode> rows = account.orders.stream().filter(o -> o.kind.isEmpty() && o.remaining > 0)
                .map(this::row).toList();
        return page(JSON.createObjectNode(), "oso", rows, offset);
    }

    private MockResponse allOrders(Account account, JsonNode body, int offset) {
        if (!required("kt00007", body, "qry_tp", "stk_bond_tp", "sell_tp", "dmst_stex_tp")) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        List<ObjectNode> rows = account.orders.stream().map(o -> JSON.createObjectNode().put("ord_no", o.no)
                .put("ori_ord", o.originalNo).put("stk_cd", "A" + o.symbol).put("ord_qty", pad(o.quantity))
                .put("ord_uv", pad(o.price)).put("cntr_qty", pad(o.filled))
                .put("cntr_uv", pad(o.filled == 0 ? 0 : o.filledValue / o.filled)).put("ord_remnq", pad(o.remaining))
                .put("acpt_tp", "접수").put("mdfy_cncl", o.kind).put("io_tp_nm", o.buy ? "현금매수" : "현금매도"))
                .toList();
        return page(JSON.createObjectNode(), "acnt_ord_cntr_prps_dtl", rows, offset);
    }

    private MockResponse daily(JsonNode body, int offset) {
        if (!required("ka10081", body, "stk_cd", "base_dt", "upd_stkpc_tp") || !code("ka10081",
                body.get("stk_cd").asText())) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        String base = body.get("base_dt").asText();
        List<String[]> all = dailyBars.getOrDefault(body.get("stk_cd").asText(), List.of());
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) { // newest first
            String[] r = all.get(i);
            if (r[0].compareTo(base) > 0) {
                continue;
            }
            long previous = i > 0 ? Long.parseLong(all.get(i - 1)[4]) : Long.parseLong(r[4]);
            long close = Long.parseLong(r[4]);
            rows.add(JSON.createObjectNode().put("dt", r[0]).put("open_pric", signed(Long.parseLong(r[1]), previous))
                    .put("high_pric", signed(Long.parseLong(r[2]), previous))
                    .put("low_pric", signed(Long.parseLong(r[3]), previous)).put("cur_prc", signed(close, previous))
                    .put("trde_qty", r[5]).put("pred_pre", (close >= previous ? "+" : "") + (close - previous))
                    .put("pred_pre_sig", close > previous ? "2" : close < previous ? "5" : "3"));
        }
        return page(JSON.createObjectNode().put("stk_cd", body.get("stk_cd").asText()), "stk_dt_pole_chart_qry",
                rows, offset);
    }

    private MockResponse minutes(JsonNode body, int offset) {
        if (!required("ka10080", body, "stk_cd", "tic_scope", "upd_stkpc_tp") || !code("ka10080",
                body.get("stk_cd").asText())) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        List<String[]> all = minuteBars.getOrDefault(body.get("stk_cd").asText(), List.of());
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            String[] r = all.get(i);
            long previous = i > 0 ? Long.parseLong(all.get(i - 1)[4]) : Long.parseLong(r[4]);
            rows.add(JSON.createObjectNode().put("cntr_tm", r[0])
                    .put("open_pric", signed(Long.parseLong(r[1]), previous))
                    .put("high_pric", signed(Long.parseLong(r[2]), previous))
                    .put("low_pric", signed(Long.parseLong(r[3]), previous))
                    .put("cur_prc", signed(Long.parseLong(r[4]), previous)).put("trde_qty", r[5]));
        }
        return page(JSON.createObjectNode().put("stk_cd", body.get("stk_cd").asText()), "stk_min_pole_chart_qry",
                rows, offset);
    }

    /** ka10095: one row per known code, in the order asked; more than 100 codes is refused with [1634]. */
    private MockResponse watchList(JsonNode body) {
        if (!required("ka10095", body, "stk_cd")) {
            return error(1511, "필수 입력 값이 누락되었습니다");
        }
        String[] codes = body.get("stk_cd").asText().split("\\|");
        if (codes.length > 100) {
            violations.add("ka10095 with " + codes.length + " codes");
            return new MockResponse().setHeader("Content-Type", "application/json;charset=UTF-8")
                    .setBody(JSON.createObjectNode().put("return_code", 5).put("return_msg",
                            "허용된 요청 개수를 초과하였습니다[1634:종목코드는 최대 100개까지 가능합니다]").toString());
        }
        ArrayNode rows = JSON.createArrayNode();
        for (String code : codes) {
            if (!code("ka10095", code) || !prices.containsKey(code)) {
                continue;
            }
            long price = prices.get(code);
            rows.addObject().put("stk_cd", code).put("stk_nm", "종목").put("cur_prc", "+" + price)
                    .put("pred_pre", "+0").put("flu_rt", "+0.00").put("trde_qty", Long.toString(
                            dayVolumes.getOrDefault(code, 0L)))
                    .put("sel_bid", "+" + (price + tick(price))).put("buy_bid", "+" + price);
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.set("atn_stk_infr", rows);
        return ok(reply);
    }

    synchronized String ownerOf(String token) {
        return tokens.get(token);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    // ---------------------------------------------------------------- WebSocket

    /** The server side of one real-time session. */
    static final class Socket extends WebSocketListener {
        private final MockKiwoom kiwoom;
        final Set<String> registrations = ConcurrentHashMap.newKeySet();
        /** Conditions followed in real time, and whether CNSRLST was asked on this connection. */
        final Set<String> following = ConcurrentHashMap.newKeySet();
        volatile boolean listed;
        volatile WebSocket socket;
        volatile boolean loggedIn;
        volatile String appKey;

        Socket(MockKiwoom kiwoom) {
            this.kiwoom = kiwoom;
        }

        void send(String text) {
            WebSocket s = socket;
            if (loggedIn && s != null) {
                s.send(text);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (IOException e) {
                kiwoom.violations.add("socket: a frame that is not JSON");
                return;
            }
            String trnm = frame.path("trnm").asText();
            if (!loggedIn && !trnm.equals("LOGIN")) {
                kiwoom.violations.add("socket: " + trnm + " before LOGIN");
                return;
            }
            switch (trnm) {
                case "LOGIN" -> {
                    String key = kiwoom.ownerOf(frame.path("token").asText());
                    if (key == null) {
                        webSocket.send("{\"trnm\":\"LOGIN\",\"return_code\":100013,"
                                + "\"return_msg\":\"인증에 실패했습니다[8005:Token이 유효하지 않습니다]\"}");
                        return;
                    }
                    appKey = key;
                    loggedIn = true;
                    webSocket.send("{\"trnm\":\"LOGIN\",\"return_code\":0,\"return_msg\":\"\",\"sor_yn\":\"N\"}");
                }
                case "PING" -> kiwoom.pingEchoes.incrementAndGet();
                case "CNSRLST", "CNSRREQ", "CNSRCLR" -> webSocket.send(kiwoom.conditionAnswer(this, frame));
                case "REG", "REMOVE" -> {
                    boolean reg = trnm.equals("REG");
                    if (frame.path("grp_no").asText().isEmpty() || frame.path("grp_no").asText().length() > 4
                            || (reg && !frame.has("refresh"))) {
                        kiwoom.violations.add("socket: " + trnm + " without grp_no/refresh: " + text);
                    }
                    for (JsonNode data : frame.path("data")) {
                        if (!data.path("item").isArray() || !data.path("type").isArray()) {
                            kiwoom.violations.add("socket: item and type must be arrays: " + text);
                            continue;
                        }
                        for (JsonNode type : data.path("type")) {
                            for (JsonNode item : data.path("item")) {
                                String pair = type.asText() + "|" + item.asText();
                                if (reg) {
                                    registrations.add(pair);
                                } else {
                                    registrations.remove(pair);
                                }
                            }
                        }
                    }
                    webSocket.send("{\"trnm\":\"" + trnm + "\",\"return_code\":0,\"return_msg\":\"\"}");
                }
                default -> kiwoom.violations.add("socket: unknown trnm " + trnm);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            loggedIn = false;
            webSocket.close(1000, null);
            kiwoom.sockets.remove(this);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            loggedIn = false;
            kiwoom.sockets.remove(this);
        }
    }
}
