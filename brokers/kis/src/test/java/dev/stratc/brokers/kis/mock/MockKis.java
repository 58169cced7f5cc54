package dev.stratc.brokers.kis.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local KIS Open API that behaves as the reference ({@code docs/brokers/kis.md}) says the real one does: it checks
 * the headers of every call ({@code authorization}, {@code appkey}, {@code appsecret}, {@code tr_id} of the account's
 * mode, {@code custtype}) and the body field names of orders, answers in KIS's shapes (lower-case keys but upper-case
 * order output, numbers as strings, padded {@code msg1} and context keys, {@code output2} an array on the balance and
 * an object on executions), enforces 20 requests/s on real keys and 2/s on paper keys with {@code EGW00201} over HTTP
 * 500, issues one token a minute per key ({@code EGW00133} over HTTP 403), and serves the real-time socket
 * ({@link MockSocket}) from the same port.
 *
 * <p>Anything the adapter sends that the real server would not accept is answered with an error and recorded in
 * {@link #violations()}, which tests assert to be empty. Payload origins are listed in test resources
 * {@code kis/SOURCES.md}.
 */
public final class MockKis implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private double commissionPercent;
    private double sellTaxPercent;
    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter KIS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A quotation route: its real tr_id is also its paper tr_id. */
    private record Route(String method, String path, String realTrId, String paperTrId) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/uapi/domestic-stock/v1/quotations/inquire-price", "FHKST01010100", "FHKST01010100"),
            new Route("GET", "/uapi/domestic-stock/v1/quotations/intstock-multprice", "FHKST11300006", "FHKST11300006"),
            new Route("GET", "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice", "FHKST03010100",
                    "FHKST03010100"),
            new Route("GET", "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice", "FHKST03010200",
                    "FHKST03010200"),
            new Route("GET", "/uapi/domestic-stock/v1/quotations/inquire-time-dailychartprice", "FHKST03010230", null),
            new Route("GET", "/uapi/domestic-stock/v1/quotations/inquire-asking-price-exp-ccn", "FHKST01010200",
                    "FHKST01010200"),
            new Route("POST", "/uapi/domestic-stock/v1/trading/order-cash", "TTTC0012U|TTTC0011U",
                    "VTTC0012U|VTTC0011U"),
            new Route("POST", "/uapi/domestic-stock/v1/trading/order-rvsecncl", "TTTC0013U", "VTTC0013U"),
            new Route("GET", "/uapi/domestic-stock/v1/trading/inquire-balance", "TTTC8434R", "VTTC8434R"),
            new Route("GET", "/uapi/domestic-stock/v1/trading/inquire-psbl-order", "TTTC8908R", "VTTC8908R"),
            new Route("GET", "/uapi/domestic-stock/v1/trading/inquire-daily-ccld", "TTTC0081R|CTSC9215R",
                    "VTTC0081R|VTSC9215R"),
            new Route("GET", "/uapi/overseas-price/v1/quotations/price", "HHDFS00000300", "HHDFS00000300"),
            new Route("POST", "/uapi/overseas-stock/v1/trading/order", "TTTT1002U|TTTT1006U", "VTTT1002U|VTTT1001U"));

    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockAccount> accounts = new LinkedHashMap<>();
    private final Map<String, MockSymbol> symbols = new LinkedHashMap<>();
    private final Map<String, String> tokenOwners = new HashMap<>();
    private final Set<String> expiredTokens = new java.util.HashSet<>();
    private final Map<String, Instant> lastTokenIssue = new HashMap<>();
    private final Map<String, Integer> tokensIssued = new HashMap<>();
    private final Map<String, String> approvalKeys = new HashMap<>(); // approval key -> app key
    private final Map<String, Deque<Long>> recentRequests = new HashMap<>();
    private final Map<String, Integer> rateLimited = new HashMap<>();
    private final Map<String, Integer> rateLimits = new HashMap<>();
    private final Map<String, Integer> busiestSecond = new HashMap<>();
    private final List<String> rateBreaches = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    final List<MockSocket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger pongs = new AtomicInteger();
    final AtomicInteger slotRefusals = new AtomicInteger();
    final Map<String, Integer> mostRegistrations = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, Integer> registrationMessages = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger orderSequence = new AtomicInteger(1_569_150);
    private Supplier<Instant> clock = Instant::now;

    public MockKis() {
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

    // ---------------------------------------------------------------- set-up and inspection for tests

    public synchronized void addAccount(String appKey, String appSecret, boolean paper, String account, String htsId,
            long cash) {
        String[] parts = account.split("-");
        accounts.put(appKey, new MockAccount(appKey, appSecret, paper, parts[0], parts[1], htsId, cash));
    }

    /** Lists a stock: {@code basePrice} is 기준가, from which the band is computed; the last price starts there. */
    public synchronized void addSymbol(String code, String name, long basePrice) {
        symbols.put(code, new MockSymbol(code, name, basePrice));
    }

    /** Puts shares in an account, as if bought on an earlier day at {@code averagePrice}. */
    public synchronized void addHolding(String appKey, String code, long quantity, long averagePrice) {
        accounts.get(appKey).holdings.put(code, new long[] {quantity, quantity * averagePrice});
    }

    /** Daily bars the chart endpoint serves: rows of {date, open, high, low, close, volume}. */
    public synchronized void setDailyBars(String code, List<String[]> rows) {
        symbols.get(code).dailyBars = new ArrayList<>(rows);
    }

    /** Minute bars: rows of {date, HHmmss, open, high, low, close, volume}. */
    public synchronized void setMinuteBars(String code, List<String[]> rows) {
        symbols.get(code).minuteBars = new ArrayList<>(rows);
    }

    /** The clock the token throttle and order times use. */
    public synchronized void setClock(Supplier<Instant> clock) {
        this.clock = clock;
    }

    public String restUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    public String webSocketUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/tryitout";
    }

    public synchronized int tokensIssued(String appKey) {
        return tokensIssued.getOrDefault(appKey, 0);
    }

    public synchronized int rateLimited(String appKey) {
        return rateLimited.getOrDefault(appKey, 0);
    }

    /**
     * Lowers (or raises) what the server accepts from one key in a rolling second, as for a new key (3/s) or a
     * key another program is also using.
     */
    public synchronized void setRateLimit(String appKey, int requestsPerSecond) {
        rateLimits.put(appKey, requestsPerSecond);
    }

    /** The most requests of {@code appKey} that arrived within one rolling second. */
    public synchronized int busiestSecond(String appKey) {
        return busiestSecond.getOrDefault(appKey, 0);
    }

    /** Every arrival that took a key over its limit in a rolling second (each answered EGW00201). */
    public List<String> rateBreaches() {
        return List.copyOf(rateBreaches);
    }

    public synchronized int calls(String path) {
        return calls.getOrDefault(path, 0);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Every token issued so far now answers EGW00123, as a day-old token does. */
    public synchronized void expireTokens() {
        expiredTokens.addAll(tokenOwners.keySet());
    }

    /**
     * From now on every fill pays {@code commissionPercent} of its value and every sell also {@code sellTaxPercent},
     * out of the deposit, as KIS settles them (each cut to the won; KIS's own rounding is not documented). Off
     * (0, 0) unless a test turns it on.
     */
    public synchronized void chargeFees(double commissionPercent, double sellTaxPercent) {
        this.commissionPercent = commissionPercent;
        this.sellTaxPercent = sellTaxPercent;
    }

    /** Commission and tax the mock has taken from the account's deposit. */
    public synchronized long feesCharged(String appKey) {
        return accounts.get(appKey).feesCharged;
    }

    public synchronized long cash(String appKey) {
        return accounts.get(appKey).cash;
    }

    public synchronized long holding(String appKey, String code) {
        return accounts.get(appKey).holding(code);
    }

    public synchronized long lastPrice(String code) {
        return symbols.get(code).last;
    }

    public synchronized long upperLimit(String code) {
        return symbols.get(code).upperLimit();
    }

    public synchronized long lowerLimit(String code) {
        return symbols.get(code).lowerLimit();
    }

    /** How many registrations were refused with OPSP0008 (a 42nd on a session). */
    public int slotRefusals() {
        return slotRefusals.get();
    }

    /** The most registrations a session of {@code appKey} held at once. */
    public int mostRegistrations(String appKey) {
        return mostRegistrations.getOrDefault(appKey, 0);
    }

    /** How many subscription requests of each tr_type ("1" register, "2" unregister) sockets received. */
    public int registrationMessages(String trType) {
        return registrationMessages.getOrDefault(trType, 0);
    }

    /** How many PINGPONG echoes clients sent back. */
    public int pongs() {
        return pongs.get();
    }

    public int openSockets() {
        return (int) sockets.stream().filter(s -> s.open).count();
    }

    /** Whether an open socket has subscribed to the trades (H0STCNT0) of {@code code}. */
    public boolean streamsTrades(String code) {
        return sockets.stream().anyMatch(s -> s.subscribed("H0STCNT0", code));
    }

    /** Sends the heartbeat to every open socket. */
    public void ping() {
        String ping = "{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\""
                + LocalDateTime.ofInstant(clock.get(), KST).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "\"}}";
        sockets.forEach(s -> s.send(ping));
    }

    /** Cuts every socket; with {@code midFrame} each first receives a trade frame cut off in the middle. */
    public void dropSockets(boolean midFrame) {
        for (MockSocket socket : sockets) {
            if (midFrame) {
                String frame = MockFrames.trade("005930", 71_900, 1, 1, clock.get());
                socket.send(frame.substring(0, frame.length() / 2));
            }
            socket.cancel();
        }
    }

    @Override
    public void close() throws IOException {
        sockets.forEach(MockSocket::cancel);
        server.shutdown();
    }

    // ---------------------------------------------------------------- the market

    /**
     * A trade prints at {@code price} for {@code size}: resting limit orders that it reaches fill (partly when
     * the size runs out), and subscribers of H0STCNT0 receive the frame.
     */
    public void tradeAt(String code, long price, long size) {
        List<Runnable> sends = new ArrayList<>();
        synchronized (this) {
            MockSymbol symbol = symbols.get(code);
            symbol.last = price;
            symbol.volume += size;
            long left = size;
            for (MockAccount account : accounts.values()) {
                for (MockOrder order : account.orders) {
                    if (left == 0) {
                        break;
                    }
                    if (order.working() && order.symbol.equals(code) && !order.market()
                            && (order.buy ? order.price >= price : order.price <= price)) {
                        long quantity = Math.min(left, order.remaining);
                        left -= quantity;
                        fill(account, order, quantity, price, sends);
                    }
                }
            }
            String frame = MockFrames.trade(code, price, size, symbol.volume, clock.get());
            for (MockSocket socket : sockets) {
                if (socket.subscribed("H0STCNT0", code)) {
                    sends.add(() -> socket.send(frame));
                }
            }
        }
        sends.forEach(Runnable::run);
    }

    private void fill(MockAccount account, MockOrder order, long quantity, long price, List<Runnable> sends) {
        long value = quantity * price;
        long fees = (long) Math.floor(value * commissionPercent / 100)
                + (order.buy ? 0 : (long) Math.floor(value * sellTaxPercent / 100));
        account.cash -= fees;
        account.feesCharged += fees;
        order.filled += quantity;
        order.filledValue += quantity * price;
        order.remaining -= quantity;
        long[] holding = account.holdings.computeIfAbsent(order.symbol, s -> new long[2]);
        if (order.buy) {
            account.cash -= quantity * price;
            holding[0] += quantity;
            holding[1] += quantity * price;
        } else {
            account.cash += quantity * price;
            holding[1] -= holding[0] == 0 ? 0 : holding[1] * quantity / holding[0];
            holding[0] -= quantity;
        }
        notice(account, order, true, quantity, price, "0", sends);
    }

    private void notice(MockAccount account, MockOrder order, boolean fill, long quantity, long price,
            String correction, List<Runnable> sends) {
        String trId = account.paper ? "H0STCNI9" : "H0STCNI0";
        for (MockSocket socket : sockets) {
            if (socket.appKey != null && socket.appKey.equals(account.appKey) && socket.subscribed(trId, account.htsId)) {
                String plain = MockFrames.notice(account, order, fill, quantity, price, correction, clock.get());
                sends.add(() -> socket.sendEncrypted(trId, plain));
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private synchronized MockResponse handle(RecordedRequest request) throws RuntimeException {
        String path = request.getRequestUrl().encodedPath();
        calls.merge(path, 1, Integer::sum);
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            MockSocket socket = new MockSocket(this);
            sockets.add(socket);
            return new MockResponse().withWebSocketUpgrade(socket);
        }
        return switch (path) {
            case "/oauth2/tokenP" -> token(request);
            case "/oauth2/Approval" -> approval(request);
            case "/uapi/hashkey" -> hashkey(request);
            default -> api(request, path);
        };
    }

    private MockResponse token(RecordedRequest request) {
        JsonNode body = readJson(request);
        requireFields("tokenP", body, Set.of("grant_type", "appkey", "appsecret"), Set.of());
        MockAccount account = accounts.get(body.path("appkey").asText());
        if (account == null || !account.appSecret.equals(body.path("appsecret").asText())) {
            return authError(account == null ? "EGW00103" : "EGW00105",
                    account == null ? "유효하지 않은 AppKey입니다." : "유효하지 않은 AppSecret입니다.");
        }
        Instant now = clock.get();
        Instant last = lastTokenIssue.get(account.appKey);
        if (last != null && now.isBefore(last.plusSeconds(60))) {
            return authError("EGW00133", "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)");
        }
        lastTokenIssue.put(account.appKey, now);
        tokensIssued.merge(account.appKey, 1, Integer::sum);
        String token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9." + UUID.randomUUID();
        tokenOwners.put(token, account.appKey);
        ObjectNode reply = JSON.createObjectNode()
                .put("access_token", token)
                .put("access_token_token_expired",
                        LocalDateTime.ofInstant(now.plusSeconds(86_400), KST).format(KIS_TIME))
                .put("token_type", "Bearer")
                .put("expires_in", 86_400);
        return json(200, reply, "", "");
    }

    private MockResponse approval(RecordedRequest request) {
        JsonNode body = readJson(request);
        requireFields("Approval", body, Set.of("grant_type", "appkey", "secretkey"), Set.of());
        MockAccount account = accounts.get(body.path("appkey").asText());
        if (account == null || !account.appSecret.equals(body.path("secretkey").asText())) {
            return authError("EGW00103", "유효하지 않은 AppKey입니다.");
        }
        String key = UUID.randomUUID().toString();
        approvalKeys.put(key, account.appKey);
        return json(200, JSON.createObjectNode().put("approval_key", key), "", "");
    }

    String appKeyOfApproval(String approvalKey) {
        synchronized (this) {
            return approvalKeys.get(approvalKey);
        }
    }

    MockAccount account(String appKey) {
        synchronized (this) {
            return accounts.get(appKey);
        }
    }

    private MockResponse hashkey(RecordedRequest request) {
        String body = request.getBody().readUtf8();
        MockAccount account = accounts.get(request.getHeader("appkey"));
        if (account == null || !account.appSecret.equals(request.getHeader("appsecret"))) {
            violations.add("hashkey without valid appkey/appsecret headers");
            return authError("EGW00103", "유효하지 않은 AppKey입니다.");
        }
        String hash = sha256(body);
        hashes.put(hash, body);
        ObjectNode reply = JSON.createObjectNode();
        reply.set("BODY", readJson(body));
        reply.put("HASH", hash);
        return json(200, reply, "", "");
    }

    private MockResponse api(RecordedRequest request, String path) {
        Route route = ROUTES.stream().filter(r -> r.path.equals(path)).findFirst().orElse(null);
        if (route == null) {
            violations.add("unknown path " + path);
            return new MockResponse().setResponseCode(404).setBody("{\"error\":\"not found\"}");
        }
        if (!route.method.equals(request.getMethod())) {
            return violation(request.getMethod() + " " + path + " should be " + route.method);
        }
        MockAccount account = accounts.get(request.getHeader("appkey"));
        if (account == null) {
            return authApiError("EGW00103", "유효하지 않은 AppKey입니다.");
        }
        if (!account.appSecret.equals(request.getHeader("appsecret"))) {
            return authApiError("EGW00105", "유효하지 않은 AppSecret입니다.");
        }
        String authorization = request.getHeader("authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!account.appKey.equals(tokenOwners.get(token))) {
            return authApiError("EGW00121", "유효하지 않은 token 입니다.");
        }
        if (expiredTokens.contains(token)) {
            return authApiError("EGW00123", "기간이 만료된 token 입니다.");
        }
        String custType = request.getHeader("custtype");
        if (!"P".equals(custType) && !"B".equals(custType)) {
            return violation("custtype header missing or wrong: " + custType);
        }
        String trId = request.getHeader("tr_id");
        String allowed = account.paper ? route.paperTrId : route.realTrId;
        if (allowed == null) {
            return error(500, "1", "EGW00206", "모의투자에서는 해당업무가 제공되지 않습니다.", "");
        }
        if (trId == null || !List.of(allowed.split("\\|")).contains(trId)) {
            return violation("tr_id " + trId + " is not valid for " + path + " on a " + (account.paper ? "paper" : "real")
                    + " key (expected " + allowed + ")");
        }
        if (overRateLimit(account)) {
            rateLimited.merge(account.appKey, 1, Integer::sum);
            return error(500, "1", "EGW00201", "초당 거래건수를 초과하였습니다.", "");
        }
        HttpUrl url = request.getRequestUrl();
        return switch (path) {
            case "/uapi/domestic-stock/v1/quotations/inquire-price" -> price(url);
            case "/uapi/domestic-stock/v1/quotations/intstock-multprice" -> multiPrice(url);
            case "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice" -> dailyChart(url);
            case "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice" -> minuteChart(url);
            case "/uapi/domestic-stock/v1/quotations/inquire-asking-price-exp-ccn" -> orderBook(url);
            case "/uapi/domestic-stock/v1/trading/order-cash" -> orderCash(request, account, trId);
            case "/uapi/domestic-stock/v1/trading/order-rvsecncl" -> reviseOrCancel(request, account);
            case "/uapi/domestic-stock/v1/trading/inquire-balance" -> balance(request, url, account);
            case "/uapi/domestic-stock/v1/trading/inquire-psbl-order" -> buyable(url, account);
            case "/uapi/domestic-stock/v1/trading/inquire-daily-ccld" -> dailyOrders(request, url, account);
            case "/uapi/overseas-price/v1/quotations/price" -> overseasPrice(url);
            case "/uapi/overseas-stock/v1/trading/order" -> overseasOrder(request, account);
            default -> violation("no handler for " + path);
        };
    }

    /**
     * 20 requests in any rolling second for a real key, 2 for a paper key (or the limit set for the key). Every
     * arrival counts, refused ones too, as a gateway's counter does; each one over the limit is a breach.
     */
    private boolean overRateLimit(MockAccount account) {
        long now = System.nanoTime();
        Deque<Long> recent = recentRequests.computeIfAbsent(account.appKey, k -> new ArrayDeque<>());
        while (!recent.isEmpty() && now - recent.peekFirst() >= 1_000_000_000L) {
            recent.pollFirst();
        }
        recent.addLast(now);
        int limit = rateLimit(account);
        busiestSecond.merge(account.appKey, recent.size(), Math::max);
        if (recent.size() > limit) {
            rateBreaches.add("key " + account.appKey.substring(0, 8) + "…: " + recent.size() + " requests within "
                    + (now - recent.peekFirst()) / 1_000_000 + " ms (limit " + limit + " a second)");
            return true;
        }
        return false;
    }

    private int rateLimit(MockAccount account) {
        return rateLimits.getOrDefault(account.appKey, account.paper ? 2 : 20);
    }

    // ---------------------------------------------------------------- quotations

    private MockResponse price(HttpUrl url) {
        requireQuery(url, Set.of("FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD"));
        MockSymbol symbol = symbols.get(url.queryParameter("FID_INPUT_ISCD"));
        if (symbol == null) {
            return error(200, "1", "MCA01017", "종목코드 오류입니다.", "");
        }
        ObjectNode output = JSON.createObjectNode()
                .put("iscd_stat_cls_code", "55")
                .put("marg_rate", "20.00")
                .put("rprs_mrkt_kor_name", "KOSPI200")
                .put("bstp_kor_isnm", "전기.전자")
                .put("temp_stop_yn", "N")
                .put("stck_prpr", Long.toString(symbol.last))
                .put("prdy_vrss", Long.toString(symbol.last - symbol.base))
                .put("prdy_vrss_sign", symbol.last > symbol.base ? "2" : symbol.last < symbol.base ? "5" : "3")
                .put("acml_vol", Long.toString(symbol.volume))
                .put("stck_oprc", Long.toString(symbol.base))
                .put("stck_hgpr", Long.toString(Math.max(symbol.base, symbol.last)))
                .put("stck_lwpr", Long.toString(Math.min(symbol.base, symbol.last)))
                .put("stck_mxpr", Long.toString(symbol.upperLimit()))
                .put("stck_llam", Long.toString(symbol.lowerLimit()))
                .put("stck_sdpr", Long.toString(symbol.base))
                .put("aspr_unit", Long.toString(MockSymbol.tick(symbol.last)))
                .put("stck_shrn_iscd", symbol.code);
        return ok("MCA00000", "정상처리 되었습니다.", "output", output, "");
    }

    private MockResponse multiPrice(HttpUrl url) {
        ArrayNode output = JSON.createArrayNode();
        for (int i = 1; i <= 30; i++) {
            String code = url.queryParameter("FID_INPUT_ISCD_" + i);
            if (code == null) {
                if (url.queryParameter("FID_COND_MRKT_DIV_CODE_" + i) != null) {
                    violations.add("multi-price: market code " + i + " without a symbol");
                }
                continue;
            }
            if (!"J".equals(url.queryParameter("FID_COND_MRKT_DIV_CODE_" + i))) {
                violations.add("multi-price: FID_COND_MRKT_DIV_CODE_" + i + " missing");
            }
            MockSymbol symbol = symbols.get(code);
            if (symbol == null) {
                continue; // KIS leaves unknown codes out
            }
            output.add(JSON.createObjectNode()
                    .put("kospi_kosdaq_cls_name", "코스피")
                    .put("mrkt_trtm_cls_name", "")
                    .put("hour_cls_code", "0")
                    .put("inter_shrn_iscd", code)
                    .put("inter_kor_isnm", symbol.name)
                    .put("inter2_prpr", Long.toString(symbol.last))
                    .put("inter2_prdy_vrss", Long.toString(Math.abs(symbol.last - symbol.base)))
                    .put("prdy_vrss_sign", symbol.last >= symbol.base ? "2" : "5")
                    .put("prdy_ctrt", "0.00")
                    .put("acml_vol", Long.toString(symbol.volume))
                    .put("inter2_oprc", Long.toString(symbol.base))
                    .put("inter2_hgpr", Long.toString(Math.max(symbol.base, symbol.last)))
                    .put("inter2_lwpr", Long.toString(Math.min(symbol.base, symbol.last)))
                    .put("inter2_llam", Long.toString(symbol.lowerLimit()))
                    .put("inter2_mxpr", Long.toString(symbol.upperLimit()))
                    .put("inter2_askp", Long.toString(symbol.last + MockSymbol.tick(symbol.last)))
                    .put("inter2_bidp", Long.toString(symbol.last))
                    .put("inter2_prdy_clpr", Long.toString(symbol.base))
                    .put("inter2_sdpr", Long.toString(symbol.base)));
        }
        return ok("MCA00000", "정상처리 되었습니다.", "output", output, "");
    }

    /** At most 100 rows, newest first, between the two dates. */
    private MockResponse dailyChart(HttpUrl url) {
        requireQuery(url, Set.of("FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD", "FID_INPUT_DATE_1", "FID_INPUT_DATE_2",
                "FID_PERIOD_DIV_CODE", "FID_ORG_ADJ_PRC"));
        MockSymbol symbol = symbols.get(url.queryParameter("FID_INPUT_ISCD"));
        String from = url.queryParameter("FID_INPUT_DATE_1");
        String to = url.queryParameter("FID_INPUT_DATE_2");
        List<String[]> rows = new ArrayList<>(symbol.dailyBars.stream()
                .filter(r -> r[0].compareTo(from) >= 0 && r[0].compareTo(to) <= 0).toList());
        Collections.reverse(rows);
        ArrayNode output2 = JSON.createArrayNode();
        rows.stream().limit(100).forEach(r -> output2.add(JSON.createObjectNode()
                .put("stck_bsop_date", r[0]).put("stck_clpr", r[4]).put("stck_oprc", r[1]).put("stck_hgpr", r[2])
                .put("stck_lwpr", r[3]).put("acml_vol", r[5]).put("acml_tr_pbmn", "0").put("flng_cls_code", "00")
                .put("prtt_rate", "0.00").put("mod_yn", "N").put("prdy_vrss_sign", "3").put("prdy_vrss", "0")
                .put("revl_issu_reas", "")));
        ObjectNode body = envelope("0", "MCA00000", "정상처리 되었습니다.");
        body.set("output1", JSON.createObjectNode().put("stck_prpr", Long.toString(symbol.last))
                .put("stck_shrn_iscd", symbol.code).put("hts_kor_isnm", symbol.name));
        body.set("output2", output2);
        return json(200, body, "FHKST03010100", "");
    }

    /** Today's minute bars up to FID_INPUT_HOUR_1, 30 at most, newest first. */
    private MockResponse minuteChart(HttpUrl url) {
        requireQuery(url, Set.of("FID_ETC_CLS_CODE", "FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD", "FID_INPUT_HOUR_1",
                "FID_PW_DATA_INCU_YN"));
        MockSymbol symbol = symbols.get(url.queryParameter("FID_INPUT_ISCD"));
        String until = url.queryParameter("FID_INPUT_HOUR_1");
        List<String[]> rows = new ArrayList<>(symbol.minuteBars.stream().filter(r -> r[1].compareTo(until) <= 0)
                .toList());
        Collections.reverse(rows);
        ArrayNode output2 = JSON.createArrayNode();
        rows.stream().limit(30).forEach(r -> output2.add(JSON.createObjectNode()
                .put("stck_bsop_date", r[0]).put("stck_cntg_hour", r[1]).put("stck_prpr", r[5])
                .put("stck_oprc", r[2]).put("stck_hgpr", r[3]).put("stck_lwpr", r[4]).put("cntg_vol", r[6])
                .put("acml_tr_pbmn", "0")));
        ObjectNode body = envelope("0", "MCA00000", "정상처리 되었습니다.");
        body.set("output1", JSON.createObjectNode().put("stck_prpr", Long.toString(symbol.last)));
        body.set("output2", output2);
        return json(200, body, "FHKST03010200", "");
    }

    private MockResponse orderBook(HttpUrl url) {
        requireQuery(url, Set.of("FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD"));
        MockSymbol symbol = symbols.get(url.queryParameter("FID_INPUT_ISCD"));
        long tick = MockSymbol.tick(symbol.last);
        ObjectNode output1 = JSON.createObjectNode().put("aspr_acpt_hour", "093354");
        for (int level = 1; level <= 10; level++) {
            output1.put("askp" + level, Long.toString(symbol.last + level * tick));
            output1.put("bidp" + level, Long.toString(symbol.last - (level - 1) * tick));
            output1.put("askp_rsqn" + level, Long.toString(1000L * level));
            output1.put("bidp_rsqn" + level, Long.toString(900L * level));
        }
        ObjectNode body = envelope("0", "MCA00000", "정상처리 되었습니다.");
        body.set("output1", output1);
        body.set("output2", JSON.createObjectNode().put("stck_prpr", Long.toString(symbol.last))
                .put("stck_shrn_iscd", symbol.code));
        return json(200, body, "FHKST01010200", "");
    }

    // ---------------------------------------------------------------- orders

    private MockResponse orderCash(RecordedRequest request, MockAccount account, String trId) {
        JsonNode body = orderBody(request);
        requireFields("order-cash", body, Set.of("CANO", "ACNT_PRDT_CD", "PDNO", "ORD_DVSN", "ORD_QTY", "ORD_UNPR"),
                Set.of("SLL_TYPE", "CNDT_PRIC", "EXCG_ID_DVSN_CD"));
        MockResponse wrongAccount = checkAccount(body, account);
        if (wrongAccount != null) {
            return wrongAccount;
        }
        boolean buy = trId.endsWith("0012U");
        String code = body.path("PDNO").asText();
        MockSymbol symbol = symbols.get(code);
        if (symbol == null) {
            return error(200, "1", "APBK0656", "해당 종목정보가 없습니다.", "");
        }
        String division = body.path("ORD_DVSN").asText();
        long quantity = Long.parseLong(body.path("ORD_QTY").asText());
        long price = Long.parseLong(body.path("ORD_UNPR").asText());
        if (division.equals("00")) {
            if (price % MockSymbol.tick(price) != 0) {
                return error(200, "1", "APBK0506", "호가단위가 아닙니다.", "");
            }
            if (price > symbol.upperLimit() || price < symbol.lowerLimit()) {
                return error(200, "1", "APBK0507", "주문가격이 상하한가를 벗어났습니다.", "");
            }
        } else if (price != 0) {
            return violation("a market order carries ORD_UNPR \"0\", not " + price);
        }
        if (buy) {
            // A market order reserves cash at the upper limit.
            long reserve = quantity * (division.equals("00") ? price : symbol.upperLimit()) + reservedCash(account);
            if (reserve > account.cash) {
                return error(200, "1", "APBK0952", "주문가능금액을 초과 했습니다", "");
            }
        } else if (quantity > account.holding(code) - reservedShares(account, code)) {
            return error(200, "1", "APBK0400", "주문 가능한 수량을 초과하였습니다.", "");
        }
        String time = LocalDateTime.ofInstant(clock.get(), KST).format(HMS);
        MockOrder order = new MockOrder(nextOrderNo(), "", code, buy, division, quantity, price, false, time);
        account.orders.add(order);
        List<Runnable> sends = new ArrayList<>();
        notice(account, order, false, quantity, price, "0", sends);
        if (order.market()) {
            fill(account, order, quantity, symbol.last, sends);
        }
        // Notices may overtake the HTTP reply, as they can on the real server.
        sends.forEach(Runnable::run);
        return orderAck(order, account.paper ? (buy ? "모의투자 매수주문이 완료 되었습니다." : "모의투자 매도주문이 완료 되었습니다.")
                : "주문 전송 완료 되었습니다.");
    }

    private MockResponse reviseOrCancel(RecordedRequest request, MockAccount account) {
        JsonNode body = orderBody(request);
        requireFields("order-rvsecncl", body, Set.of("CANO", "ACNT_PRDT_CD", "KRX_FWDG_ORD_ORGNO", "ORGN_ODNO",
                "ORD_DVSN", "RVSE_CNCL_DVSN_CD", "ORD_QTY", "ORD_UNPR", "QTY_ALL_ORD_YN"),
                Set.of("CNDT_PRIC", "EXCG_ID_DVSN_CD"));
        MockResponse wrongAccount = checkAccount(body, account);
        if (wrongAccount != null) {
            return wrongAccount;
        }
        MockOrder original = account.order(body.path("ORGN_ODNO").asText());
        if (original == null || !original.working()) {
            return error(200, "1", "APBK0918", "정정/취소할 수량이 없습니다.", "");
        }
        boolean all = "Y".equals(body.path("QTY_ALL_ORD_YN").asText());
        long quantity = all ? original.remaining : Long.parseLong(body.path("ORD_QTY").asText());
        if (quantity <= 0 || quantity > original.remaining) {
            return error(200, "1", "APBK0918", "정정/취소할 수량이 없습니다.", "");
        }
        String time = LocalDateTime.ofInstant(clock.get(), KST).format(HMS);
        List<Runnable> sends = new ArrayList<>();
        MockOrder amendment;
        if ("02".equals(body.path("RVSE_CNCL_DVSN_CD").asText())) {
            amendment = new MockOrder(nextOrderNo(), original.orderNo, original.symbol, original.buy, original.division,
                    quantity, 0, true, time);
            original.remaining -= quantity;
            original.cancelled = original.remaining == 0;
            amendment.cancelled = true;
            account.orders.add(amendment);
            notice(account, amendment, false, quantity, 0, "2", sends);
        } else {
            long price = Long.parseLong(body.path("ORD_UNPR").asText());
            MockSymbol symbol = symbols.get(original.symbol);
            if (price % MockSymbol.tick(price) != 0 || price > symbol.upperLimit() || price < symbol.lowerLimit()) {
                return error(200, "1", "APBK0507", "주문가격이 상하한가를 벗어났습니다.", "");
            }
            amendment = new MockOrder(nextOrderNo(), original.orderNo, original.symbol, original.buy,
                    body.path("ORD_DVSN").asText(), quantity, price, false, time);
            original.remaining -= quantity;
            account.orders.add(amendment);
            notice(account, amendment, false, quantity, price, "1", sends);
        }
        sends.forEach(Runnable::run);
        return orderAck(amendment, "정정/취소 주문이 완료 되었습니다.");
    }

    private MockResponse overseasOrder(RecordedRequest request, MockAccount account) {
        JsonNode body = orderBody(request);
        requireFields("overseas order", body, Set.of("CANO", "ACNT_PRDT_CD", "OVRS_EXCG_CD", "PDNO", "ORD_QTY",
                "OVRS_ORD_UNPR", "ORD_SVR_DVSN_CD", "ORD_DVSN"), Set.of("CTAC_TLNO", "MGCO_APTM_ODNO", "SLL_TYPE"));
        String exchange = body.path("OVRS_EXCG_CD").asText();
        if (!Set.of("NASD", "NYSE", "AMEX", "SEHK", "SHAA", "SZAA", "TKSE", "HASE", "VNSE").contains(exchange)) {
            return error(200, "1", "APBK1234", "거래소코드 오류", "");
        }
        if (account.paper && !"00".equals(body.path("ORD_DVSN").asText())) {
            return error(200, "1", "APBK1235", "모의투자는 지정가 주문만 가능합니다.", "");
        }
        MockOrder order = new MockOrder(nextOrderNo(), "", body.path("PDNO").asText(), true, "00",
                Long.parseLong(body.path("ORD_QTY").asText()), 0, false,
                LocalDateTime.ofInstant(clock.get(), KST).format(HMS));
        return orderAck(order, "주문 전송 완료 되었습니다.");
    }

    private MockResponse overseasPrice(HttpUrl url) {
        requireQuery(url, Set.of("AUTH", "EXCD", "SYMB"));
        String exchange = url.queryParameter("EXCD");
        if (!Set.of("NAS", "NYS", "AMS", "HKS", "SHS", "SZS", "TSE", "HNX", "HSX", "BAQ", "BAY", "BAA")
                .contains(exchange)) {
            return error(200, "1", "OPSQ2001", "시장코드 오류입니다.", "");
        }
        ObjectNode output = JSON.createObjectNode().put("rsym", "D" + exchange + url.queryParameter("SYMB"))
                .put("zdiv", "4").put("base", "189.9800").put("pvol", "51234567").put("last", "191.2400")
                .put("sign", "2").put("diff", "1.2600").put("rate", "+0.66").put("tvol", "48123456")
                .put("tamt", "9201234567").put("ordy", "매수가능");
        return ok("MCA00000", "정상처리 되었습니다.", "output", output, "");
    }

    private long reservedCash(MockAccount account) {
        return account.orders.stream().filter(o -> o.buy && o.working() && !o.market())
                .mapToLong(o -> o.remaining * o.price).sum();
    }

    private long reservedShares(MockAccount account, String code) {
        return account.orders.stream().filter(o -> !o.buy && o.working() && o.symbol.equals(code))
                .mapToLong(o -> o.remaining).sum();
    }

    private String nextOrderNo() {
        return String.format("%010d", orderSequence.getAndIncrement());
    }

    private MockResponse orderAck(MockOrder order, String message) {
        // Order replies keep KIS's upper-case output keys.
        ObjectNode output = JSON.createObjectNode().put("KRX_FWDG_ORD_ORGNO", "06010").put("ODNO", order.orderNo)
                .put("ORD_TMD", order.time);
        return ok("APBK0013", message, "output", output, "");
    }

    private MockResponse checkAccount(JsonNode body, MockAccount account) {
        if (!account.cano.equals(body.path("CANO").asText())
                || !account.productCode.equals(body.path("ACNT_PRDT_CD").asText())) {
            return error(200, "1", "OPSQ2000", "ERROR : INPUT INVALID_CHECK_ACNO", "");
        }
        return null;
    }

    private JsonNode orderBody(RecordedRequest request) {
        String text = request.getBody().readUtf8();
        String hashkey = request.getHeader("hashkey");
        if (hashkey != null && !text.equals(hashes.get(hashkey))) {
            violations.add("hashkey header does not match the order body");
        }
        JsonNode body = readJson(text);
        body.properties().forEach(field -> {
            if (!field.getValue().isTextual()) {
                violations.add("order field " + field.getKey() + " must be a JSON string, was " + field.getValue());
            }
        });
        return body;
    }

    // ---------------------------------------------------------------- account inquiries

    private MockResponse balance(RecordedRequest request, HttpUrl url, MockAccount account) {
        requireQuery(url, Set.of("CANO", "ACNT_PRDT_CD", "AFHR_FLPR_YN", "OFL_YN", "INQR_DVSN", "UNPR_DVSN",
                "FUND_STTL_ICLD_YN", "FNCG_AMT_AUTO_RDPT_YN", "PRCS_DVSN", "CTX_AREA_FK100", "CTX_AREA_NK100"));
        List<ObjectNode> rows = new ArrayList<>();
        account.holdings.forEach((code, h) -> {
            long last = symbols.get(code).last;
            BigDecimal average = h[0] == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(h[1]).divide(BigDecimal.valueOf(h[0]), 4, RoundingMode.HALF_UP);
            rows.add(JSON.createObjectNode().put("pdno", code).put("prdt_name", symbols.get(code).name)
                    .put("trad_dvsn_name", "현금").put("hldg_qty", Long.toString(h[0]))
                    .put("ord_psbl_qty", Long.toString(h[0] - reservedShares(account, code)))
                    .put("pchs_avg_pric", average.toPlainString()).put("pchs_amt", Long.toString(h[1]))
                    .put("prpr", Long.toString(last)).put("evlu_amt", Long.toString(h[0] * last))
                    .put("evlu_pfls_amt", Long.toString(h[0] * last - h[1])).put("evlu_pfls_rt", "0.00"));
        });
        ObjectNode summary = JSON.createObjectNode().put("dnca_tot_amt", Long.toString(account.cash))
                .put("nxdy_excc_amt", Long.toString(account.cash))
                .put("prvs_rcdl_excc_amt", Long.toString(account.cash))
                .put("tot_evlu_amt", Long.toString(account.cash + rows.stream()
                        .mapToLong(r -> Long.parseLong(r.path("evlu_amt").asText())).sum()));
        ArrayNode output2 = JSON.createArrayNode().add(summary); // an array of one, on this endpoint
        return page(request, url, account, rows, account.paper ? 20 : 50, "output1", output2);
    }

    private MockResponse buyable(HttpUrl url, MockAccount account) {
        requireQuery(url, Set.of("CANO", "ACNT_PRDT_CD", "PDNO", "ORD_UNPR", "ORD_DVSN", "CMA_EVLU_AMT_ICLD_YN",
                "OVRS_ICLD_YN"));
        MockSymbol symbol = symbols.get(url.queryParameter("PDNO"));
        String unitPrice = url.queryParameter("ORD_UNPR");
        long price = unitPrice == null || unitPrice.isEmpty() ? symbol.upperLimit() : Long.parseLong(unitPrice);
        long cash = account.cash - reservedCash(account);
        ObjectNode output = JSON.createObjectNode().put("ord_psbl_cash", Long.toString(cash))
                .put("nrcvb_buy_amt", Long.toString(cash)).put("nrcvb_buy_qty", Long.toString(cash / price))
                .put("max_buy_amt", Long.toString(cash)).put("max_buy_qty", Long.toString(cash / price))
                .put("psbl_qty_calc_unpr", Long.toString(price));
        return ok("KIOK0510", "조회가 완료되었습니다", "output", output, "");
    }

    private MockResponse dailyOrders(RecordedRequest request, HttpUrl url, MockAccount account) {
        requireQuery(url, Set.of("CANO", "ACNT_PRDT_CD", "INQR_STRT_DT", "INQR_END_DT", "SLL_BUY_DVSN_CD",
                "INQR_DVSN", "PDNO", "CCLD_DVSN", "ORD_GNO_BRNO", "ODNO", "INQR_DVSN_3", "INQR_DVSN_1",
                "CTX_AREA_FK100", "CTX_AREA_NK100"));
        String today = LocalDate.ofInstant(clock.get(), KST).format(YMD);
        List<ObjectNode> rows = new ArrayList<>();
        for (MockOrder order : account.orders) {
            rows.add(JSON.createObjectNode().put("ord_dt", today).put("ord_gno_brno", "06010")
                    .put("odno", order.orderNo).put("orgn_odno", order.originalOrderNo)
                    .put("ord_dvsn_name", order.market() ? "시장가" : "지정가")
                    .put("sll_buy_dvsn_cd", order.buy ? "02" : "01")
                    .put("sll_buy_dvsn_cd_name", order.buy ? "현금매수" : "현금매도")
                    .put("pdno", order.symbol).put("prdt_name", symbols.get(order.symbol).name)
                    .put("ord_qty", Long.toString(order.quantity)).put("ord_unpr", Long.toString(order.price))
                    .put("ord_tmd", order.time).put("tot_ccld_qty", Long.toString(order.filled))
                    .put("avg_prvs", order.filled == 0 ? "0" : Long.toString(order.filledValue / order.filled))
                    .put("cncl_yn", order.cancelled ? "Y" : "N")
                    .put("tot_ccld_amt", Long.toString(order.filledValue))
                    .put("ord_dvsn_cd", order.division)
                    .put("cnc_cfrm_qty", order.cancelRow ? Long.toString(order.quantity) : "0")
                    .put("rmn_qty", Long.toString(order.working() ? order.remaining : 0)).put("rjct_qty", "0")
                    .put("excg_id_dvsn_cd", "KRX"));
        }
        ObjectNode output2 = JSON.createObjectNode()
                .put("tot_ord_qty", Long.toString(account.orders.stream().mapToLong(o -> o.quantity).sum()))
                .put("tot_ccld_qty", Long.toString(account.orders.stream().mapToLong(o -> o.filled).sum()))
                .put("tot_ccld_amt", Long.toString(account.orders.stream().mapToLong(o -> o.filledValue).sum()))
                .put("prsm_tlex_smtl", "0").put("pchs_avg_pric", "0.0000"); // an object, on this endpoint
        return page(request, url, account, rows, account.paper ? 15 : 100, "output1", output2);
    }

    /**
     * One page of an account inquiry: the rows after the position in CTX_AREA_NK100, the context keys padded to
     * 100 characters, and response header tr_cont F while more follow, D on the last page.
     */
    private MockResponse page(RecordedRequest request, HttpUrl url, MockAccount account, List<ObjectNode> rows,
            int pageSize, String rowsField, JsonNode output2) {
        String nk = url.queryParameter("CTX_AREA_NK100");
        String trCont = request.getHeader("tr_cont");
        int start = 0;
        if (nk != null && !nk.isBlank()) {
            if (!"N".equals(trCont)) {
                violations.add("a next page was asked without tr_cont N");
            }
            if (nk.length() != 100) {
                violations.add("CTX_AREA_NK100 was not sent back as received (padded to 100)");
            }
            start = Integer.parseInt(nk.strip().split("\\^")[1]);
        }
        int end = Math.min(rows.size(), start + pageSize);
        boolean more = end < rows.size();
        ObjectNode body = envelope("0", more ? "KIOK0510" : "KIOK0460",
                more ? "조회가 완료되었습니다" : "조회 되었습니다. (마지막 자료)");
        ArrayNode output1 = JSON.createArrayNode();
        rows.subList(start, end).forEach(output1::add);
        body.set(rowsField, output1);
        body.set("output2", output2);
        body.put("ctx_area_fk100", pad(account.cano + "^" + account.productCode + "^N^N^01^01^N^", 100));
        body.put("ctx_area_nk100", more ? pad(account.cano + "^" + end + "^", 100) : pad("", 100));
        return json(200, body, request.getHeader("tr_id"), more ? "F" : "D");
    }

    // ---------------------------------------------------------------- envelopes

    private static ObjectNode envelope(String rtCd, String msgCd, String msg1) {
        // msg1 arrives right-padded with spaces, as KIS sends it.
        return JSON.createObjectNode().put("rt_cd", rtCd).put("msg_cd", msgCd).put("msg1", pad(msg1, 40));
    }

    private static MockResponse ok(String msgCd, String msg1, String field, JsonNode output, String trCont) {
        ObjectNode body = envelope("0", msgCd, msg1);
        body.set(field, output);
        return json(200, body, "", trCont);
    }

    private static MockResponse error(int status, String rtCd, String msgCd, String msg1, String trId) {
        return json(status, envelope(rtCd, msgCd, msg1), trId, "");
    }

    private MockResponse violation(String what) {
        violations.add(what);
        return json(400, envelope("1", "MOCK0000", "mock: " + what), "", "");
    }

    private static MockResponse authError(String code, String description) {
        return json(403, JSON.createObjectNode().put("error_description", description).put("error_code", code), "",
                "");
    }

    /** Token problems on API calls come in the rt_cd envelope, with unreliable statuses (500 seen). */
    private static MockResponse authApiError(String msgCd, String msg1) {
        return json(500, envelope("1", msgCd, msg1), "", "");
    }

    private static MockResponse json(int status, JsonNode body, String trId, String trCont) {
        MockResponse response = new MockResponse().setResponseCode(status)
                .setHeader("content-type", "application/json; charset=utf-8").setBody(body.toString());
        if (trId != null && !trId.isEmpty()) {
            response.setHeader("tr_id", trId);
        }
        if (trCont != null && !trCont.isEmpty()) {
            response.setHeader("tr_cont", trCont);
        }
        return response;
    }

    private void requireQuery(HttpUrl url, Set<String> names) {
        for (String name : names) {
            if (url.queryParameter(name) == null) {
                violations.add("query parameter " + name + " missing on " + url.encodedPath());
            }
        }
        for (String name : url.queryParameterNames()) {
            if (!names.contains(name)) {
                violations.add("unexpected query parameter " + name + " on " + url.encodedPath());
            }
        }
    }

    private void requireFields(String what, JsonNode body, Set<String> required, Set<String> optional) {
        for (String name : required) {
            if (!body.has(name)) {
                violations.add(what + ": body field " + name + " missing");
            }
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!required.contains(name) && !optional.contains(name)) {
                violations.add(what + ": unexpected body field " + name);
            }
        });
    }

    private static JsonNode readJson(RecordedRequest request) {
        return readJson(request.getBody().readUtf8());
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A listed stock. */
    static final class MockSymbol {
        final String code;
        final String name;
        final long base;
        long last;
        long volume;
        List<String[]> dailyBars = List.of();
        List<String[]> minuteBars = List.of();

        MockSymbol(String code, String name, long base) {
            this.code = code;
            this.name = name;
            this.base = base;
            this.last = base;
        }

        /** 상한가: base + 30 %, down to the tick. */
        long upperLimit() {
            long raw = base * 13 / 10;
            return raw - raw % tick(raw);
        }

        /** 하한가: base − 30 %, up to the tick. */
        long lowerLimit() {
            long raw = (base * 7 + 9) / 10;
            long tick = tick(raw);
            return raw % tick == 0 ? raw : raw + tick - raw % tick;
        }

        /** The KRX tick table, written out independently of the adapter's. */
        static long tick(long price) {
            if (price < 2_000) {
                return 1;
            } else if (price < 5_000) {
                return 5;
            } else if (price < 20_000) {
                return 10;
            } else if (price < 50_000) {
                return 50;
            } else if (price < 200_000) {
                return 100;
            } else if (price < 500_000) {
                return 500;
            }
            return 1_000;
        }
    }
}
