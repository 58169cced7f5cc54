package dev.stratc.brokers.binance.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local Binance Spot that behaves like the real one where the adapter depends on it (see
 * {@code src/test/resources/binance/SOURCES.md} for where each shape comes from):
 * <ul>
 * <li>signatures verified over the raw query string followed by the raw body, exactly as received, with the
 *     signature pair removed; never decoded, re-encoded or re-ordered. HMAC-SHA256 hex or Ed25519 base64;</li>
 * <li>{@code timestamp}/{@code recvWindow} enforced against its own clock (with a settable skew): -1021; request
 *     weight and order counts are counted in fixed windows of that same skewed clock, per IP and per account;</li>
 * <li>accounts (a main account and sub-accounts, each its own key, balances and order counts) that may already
 *     hold coins; the standard 0.1 % commission taken from what a trade brings in (the base asset on a buy, the
 *     quote on a sell), or in BNB at 25 % off for an account that pays fees so;</li>
 * <li>real error codes and bodies (-1013 filter failure, -1021, -1022, -1102, -1121, -2010, -2011, -2013,
 *     -2015), request weights and {@code X-MBX-USED-WEIGHT-1M}, order counts and {@code X-MBX-ORDER-COUNT-*};</li>
 * <li>429 with {@code Retry-After} when the weight is spent, and 418 for a client that keeps sending during a
 *     429's wait, as Binance bans IPs that ignore 429;</li>
 * <li>a small matching engine: MARKET and marketable LIMIT orders fill against a settable book, resting orders
 *     fill when {@link #trade} crosses them, stop-limit orders trigger on their stop price;</li>
 * <li>combined market streams ({@code /stream?streams=}) and the WebSocket API ({@code /ws-api/v3}) with
 *     {@code userDataStream.subscribe.signature} (which can be answered 429 with {@code retryAfter}) and
 *     executionReport / outboundAccountPosition events;</li>
 * <li>USDⓈ-M futures under {@code /fapi} ({@link MockUsdm}): its own weight budget (2400 a minute) and order
 *     counts, positions, leverage and margin type, funding, conditional orders and the listenKey user stream at
 *     {@code /private/ws/<listenKey>}; market streams also at {@code /market/stream} with aggTrade events.</li>
 * </ul>
 */
public final class MockBinance implements AutoCloseable {
    /** The official documentation's example key pair (binance-api.md, 2.2). */
    public static final String DOC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    public static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private static final Set<String> ORDER_PARAMS = Set.of("symbol", "side", "type", "timeInForce", "quantity",
            "quoteOrderQty", "price", "newClientOrderId", "stopPrice", "newOrderRespType", "recvWindow", "timestamp",
            "signature", "strategyId", "strategyType", "trailingDelta", "icebergQty", "selfTradePreventionMode");

    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode exchangeInfo;
    private final Map<String, JsonNode> symbols = new HashMap<>();
    private final List<long[]> ethKlineTimes = new ArrayList<>();
    private final List<ArrayNode> ethKlines = new ArrayList<>();
    private final Map<String, MockAccount> accountsByKey = new LinkedHashMap<>();
    private final Map<String, BigDecimal[]> books = new HashMap<>();
    private final Map<String, AtomicInteger> publicTradeIds = new HashMap<>();
    private final List<MarketSocket> marketSockets = new CopyOnWriteArrayList<>();
    private final List<WebSocket> wsApiSockets = new CopyOnWriteArrayList<>();
    private final List<Integer> errorCodesSent = new CopyOnWriteArrayList<>();
    private final AtomicInteger restRequests = new AtomicInteger();

    /** Binance's standard Spot rate (VIP 0), maker and taker alike; paying with BNB takes 25 % off. */
    private BigDecimal commissionRate = new BigDecimal("0.001");
    private static final BigDecimal BNB_DISCOUNT = new BigDecimal("0.75");
    private volatile long skewMillis;
    private int weightLimit = 6000;
    private int futuresWeightLimit = MockUsdm.WEIGHT_LIMIT;
    private final MockUsdm usdm;
    private long weightMinute = -1;
    private int usedWeight;
    private Instant pausedUntil = Instant.MIN;
    private Instant bannedUntil = Instant.MIN;
    private int bans;
    private int scripted429s;
    private int scriptedWsApi429s;
    private long scriptedWsApiRetryAfterMillis;
    private int scriptedRetryAfterSeconds;
    private boolean scriptedBan;
    private int scriptedServerErrors;
    private int ordersPer10s = 100;
    private long nextOrderId = 1000;
    private long nextTradeId = 500;
    private int subscriptionIds;

    /** One market-stream connection of a client: the streams it asked for. */
    public static final class MarketSocket {
        final Set<String> streams;
        volatile WebSocket socket;
        volatile boolean closed;

        MarketSocket(Set<String> streams) {
            this.streams = streams;
        }

        public boolean isClosed() {
            return closed;
        }
    }

    public MockBinance(Clock clock) {
        this.clock = clock;
        this.exchangeInfo = readResource("/binance/exchangeInfo.json");
        exchangeInfo.path("symbols").forEach(s -> symbols.put(s.path("symbol").asText(), s));
        this.usdm = new MockUsdm(this, json, readResource("/binance/fapi-exchangeInfo.json"));
        loadEthKlines();
        books.put("BTCUSDT", new BigDecimal[] {new BigDecimal("30000.00"), new BigDecimal("30000.50")});
        books.put("ETHUSDT", new BigDecimal[] {new BigDecimal("1800.00"), new BigDecimal("1800.10")});
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return MockBinance.this.dispatch(request);
            }
        });
        try {
            // named up front: MockWebServer would otherwise look the loopback address up, seconds without DNS
            server.start(java.net.InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- set-up and inspection

    public HttpUrl restUrl() {
        return server.url("/");
    }

    public HttpUrl streamUrl() {
        return server.url("/");
    }

    public HttpUrl wsApiUrl() {
        return server.url("/ws-api/v3");
    }

    public synchronized void addHmacAccount(String name, String apiKey, String secret) {
        accountsByKey.put(apiKey, new MockAccount(name, apiKey, secret, null));
    }

    public synchronized void addEd25519Account(String name, String apiKey, PublicKey publicKey) {
        accountsByKey.put(apiKey, new MockAccount(name, apiKey, null, publicKey));
    }

    public synchronized void setBalance(String apiKey, String asset, String free) {
        account(apiKey).balance(asset)[0] = new BigDecimal(free);
    }

    /** The commission rate of every account (0.001 = 0.1 %, Binance's standard rate). */
    public synchronized void setCommissionRate(String rate) {
        this.commissionRate = new BigDecimal(rate);
    }

    /**
     * The account pays its fees in BNB (Binance's "use BNB to pay for fees", 25 % off), BNB valued at
     * {@code bnbPriceInQuote}; when its BNB does not cover a fee, that fee is taken from the asset received.
     */
    public synchronized void payFeesInBnb(String apiKey, String bnbPriceInQuote) {
        account(apiKey).bnbPrice = new BigDecimal(bnbPriceInQuote);
    }

    public synchronized BigDecimal free(String apiKey, String asset) {
        return account(apiKey).balance(asset)[0];
    }

    public synchronized BigDecimal locked(String apiKey, String asset) {
        return account(apiKey).balance(asset)[1];
    }

    public synchronized String orderStatus(String apiKey, String symbol, String clientOrderId) {
        MockOrder order = account(apiKey).byClientId(symbol, clientOrderId);
        return order == null ? null : order.status;
    }

    public synchronized int ordersOf(String apiKey) {
        return account(apiKey).orders.size();
    }

    /** Server clock minus the real (fake) clock, to model a host whose clock drifts. */
    // ---------------------------------------------------------------- USDⓈ-M futures set-up and inspection

    /** {@code count} USDⓈ-M candles of {@code symbol} for {@code /fapi/v1/klines}; see {@link MockUsdm#addKlines}. */
    public synchronized void addFuturesKlines(String symbol, String interval, long firstOpen, int count) {
        usdm.addKlines(symbol, interval, intervalMillis(interval), firstOpen, count);
    }

    /** Past funding settlements of a perpetual, every 8 hours from {@code first}, served by /fapi/v1/fundingRate. */
    public synchronized void addFundingHistory(String symbol, long first, String... rates) {
        usdm.addFundingHistory(symbol, first, rates);
    }

    /** The account's futures wallet (USDT), apart from its Spot balances. */
    public synchronized void setFuturesWallet(String apiKey, String usdt) {
        usdm.setWallet(apiKey, usdt);
    }

    public synchronized BigDecimal futuresWallet(String apiKey) {
        return usdm.wallet(apiKey);
    }

    /** A futures position the account holds already; {@code amount} signed, {@code positionSide} BOTH/LONG/SHORT. */
    public synchronized void setFuturesPosition(String apiKey, String symbol, String positionSide, String amount,
            String entryPrice) {
        usdm.setPosition(apiKey, symbol, positionSide, amount, entryPrice);
    }

    /** The account's net futures position in {@code symbol}. */
    public synchronized BigDecimal futuresPosition(String apiKey, String symbol) {
        return usdm.position(apiKey, symbol);
    }

    public synchronized void setHedgeMode(String apiKey, boolean hedge) {
        usdm.setHedgeMode(apiKey, hedge);
    }

    public synchronized void setLeverageBracket(String symbol, int maxLeverage) {
        usdm.setBracket(symbol, maxLeverage);
    }

    public synchronized Integer futuresLeverage(String apiKey, String symbol) {
        return usdm.leverage(apiKey, symbol);
    }

    public synchronized String futuresMarginType(String apiKey, String symbol) {
        return usdm.marginType(apiKey, symbol);
    }

    /** How many futures orders (of any state) the account has placed. */
    public synchronized int futuresOrdersOf(String apiKey) {
        return usdm.ordersPlaced(apiKey);
    }

    /** A funding settlement at {@code rate} (e.g. "0.0001" = 0.01 %) on every position in {@code symbol}. */
    public synchronized void settleFunding(String symbol, String rate) {
        usdm.settleFunding(symbol, new BigDecimal(rate));
    }

    public synchronized void futuresMarginCall(String apiKey, String symbol) {
        usdm.marginCall(apiKey, symbol);
    }

    public synchronized boolean futuresUserStreamConnected(String apiKey) {
        return usdm.userStreamConnected(apiKey);
    }

    public synchronized void dropFuturesUserStream(String apiKey) {
        usdm.dropUserStream(apiKey);
    }

    public synchronized void setFuturesWeightLimit(int limit) {
        futuresWeightLimit = limit;
    }

    public synchronized int futuresUsedWeight() {
        return usdm.usedWeight;
    }

    synchronized BigDecimal[] book(String symbol) {
        return books.get(symbol);
    }

    public void setSkew(Duration skew) {
        this.skewMillis = skew.toMillis();
    }

    public long serverTime() {
        return clock.millis() + skewMillis;
    }

    public synchronized void setBook(String symbol, String bid, String ask) {
        books.put(symbol, new BigDecimal[] {new BigDecimal(bid), new BigDecimal(ask)});
    }

    public synchronized void setWeightLimit(int limit) {
        this.weightLimit = limit;
    }

    public synchronized void setOrdersPer10Seconds(int limit) {
        this.ordersPer10s = limit;
    }

    /** The next {@code count} REST requests get 429 with this Retry-After. */
    public synchronized void script429s(int count, int retryAfterSeconds) {
        this.scripted429s = count;
        this.scriptedRetryAfterSeconds = retryAfterSeconds;
    }

    /** The next {@code count} user-data subscriptions on the WebSocket API get 429, retry allowed after the wait. */
    public synchronized void scriptWsApi429s(int count, Duration retryAfter) {
        this.scriptedWsApi429s = count;
        this.scriptedWsApiRetryAfterMillis = retryAfter.toMillis();
    }

    /** The next REST request gets 418 (an IP ban of two minutes). */
    public synchronized void scriptBan() {
        this.scriptedBan = true;
    }

    /** The next order requests are executed but answered 503, as when the gateway loses the engine's answer. */
    public synchronized void scriptLostAnswers(int count) {
        this.scriptedServerErrors = count;
    }

    public synchronized int bans() {
        return bans;
    }

    public List<Integer> errorCodesSent() {
        return List.copyOf(errorCodesSent);
    }

    public int restRequests() {
        return restRequests.get();
    }

    /** Another process on this machine's IP spends {@code weight} of this server minute's budget. */
    public synchronized void spendWeightFromAnotherProcess(int weight) {
        rollWeight();
        usedWeight += weight;
    }

    /** The exchange counts {@code weight} less than it did (e.g. successful orders, which cost nothing). */
    public synchronized void forgiveWeight(int weight) {
        rollWeight();
        usedWeight = Math.max(0, usedWeight - weight);
    }

    public synchronized int usedWeight() {
        rollWeight();
        return usedWeight;
    }

    public List<MarketSocket> marketSockets() {
        return List.copyOf(marketSockets);
    }

    public long openMarketSockets() {
        return marketSockets.stream().filter(s -> !s.closed && s.socket != null).count();
    }

    @Override
    public void close() throws IOException {
        marketSockets.forEach(s -> {
            if (s.socket != null) {
                s.socket.close(1001, "going away");
            }
        });
        wsApiSockets.forEach(s -> s.close(1001, "going away"));
        server.shutdown();
    }

    // ---------------------------------------------------------------- market activity

    /**
     * A trade on the exchange of {@code quantity} at {@code price}: resting orders it crosses fill, oldest first,
     * up to that quantity (so a small trade fills an order partially); then it is published on @trade streams.
     */
    public void trade(String symbol, String price, String quantity) {
        synchronized (this) {
            BigDecimal p = new BigDecimal(price);
            BigDecimal left = new BigDecimal(quantity);
            List<Object[]> resting = new ArrayList<>();
            for (MockAccount account : accountsByKey.values()) {
                for (MockOrder order : account.orders.values()) {
                    if (order.symbol.equals(symbol) && order.isOpen()) {
                        resting.add(new Object[] {account, order});
                    }
                }
            }
            resting.sort(java.util.Comparator.comparingLong(r -> ((MockOrder) r[1]).orderId));
            for (Object[] r : resting) {
                if (left.signum() > 0) {
                    left = left.subtract(touch((MockAccount) r[0], (MockOrder) r[1], p, left));
                }
            }
            usdm.trade(symbol, p, new BigDecimal(quantity));
        }
        publishTrade(symbol, price, quantity);
        publishAggTrade(symbol, price, quantity);
    }

    public void publishTrade(String symbol, String price, String quantity) {
        int id = publicTradeIds.computeIfAbsent(symbol, s -> new AtomicInteger(12345)).incrementAndGet();
        long now = serverTime();
        ObjectNode data = json.createObjectNode().put("e", "trade").put("E", now).put("s", symbol).put("t", id)
                .put("p", price).put("q", quantity).put("T", now).put("m", true).put("M", true);
        publish(symbol.toLowerCase() + "@trade", data);
    }

    /** A futures {@code <symbol>@aggTrade} event (the futures market streams have no raw trades). */
    public void publishAggTrade(String symbol, String price, String quantity) {
        int id = publicTradeIds.computeIfAbsent(symbol + "@agg", s -> new AtomicInteger(5000)).incrementAndGet();
        long now = serverTime();
        ObjectNode data = json.createObjectNode().put("e", "aggTrade").put("E", now).put("s", symbol).put("a", id)
                .put("p", price).put("q", quantity).put("nq", quantity).put("f", id).put("l", id).put("T", now)
                .put("m", true);
        publish(symbol.toLowerCase() + "@aggTrade", data);
    }

    public void publishKline(String symbol, String interval, long openTime, String o, String h, String l, String c,
            String v, boolean closed) {
        long now = serverTime();
        ObjectNode data = json.createObjectNode().put("e", "kline").put("E", now).put("s", symbol);
        data.putObject("k").put("t", openTime).put("T", openTime + intervalMillis(interval) - 1).put("s", symbol)
                .put("i", interval).put("f", 100).put("L", 200).put("o", o).put("c", c).put("h", h).put("l", l)
                .put("v", v).put("n", 100).put("x", closed).put("q", "1.0000").put("V", "500").put("Q", "0.500")
                .put("B", "123456");
        publish(symbol.toLowerCase() + "@kline_" + interval, data);
    }

    public void publishBookTicker(String symbol, long updateId, String bid, String bidQty, String ask, String askQty) {
        ObjectNode data = json.createObjectNode().put("u", updateId).put("s", symbol).put("b", bid).put("B", bidQty)
                .put("a", ask).put("A", askQty);
        publish(symbol.toLowerCase() + "@bookTicker", data);
    }

    /** Tells every market-stream connection that this server is going away (the 2026-05 serverShutdown event). */
    public void announceShutdown() {
        ObjectNode frame = json.createObjectNode().put("stream", "!serverShutdown");
        frame.putObject("data").put("e", "serverShutdown").put("E", serverTime());
        for (MarketSocket s : marketSockets) {
            if (!s.closed && s.socket != null) {
                s.socket.send(frame.toString());
            }
        }
    }

    /**
     * Ends every market-stream connection unannounced, with 1011 (a server-side failure); MockWebServer cannot
     * cut the TCP connection of a WebSocket it accepted.
     */
    public void dropMarketConnections() {
        for (MarketSocket s : marketSockets) {
            if (!s.closed && s.socket != null) {
                s.closed = true;
                s.socket.close(1011, "internal error");
            }
        }
    }

    public void dropUserDataConnections() {
        synchronized (this) {
            accountsByKey.values().forEach(a -> a.subscriptions.clear());
        }
        wsApiSockets.forEach(s -> s.close(1011, "internal error"));
        wsApiSockets.clear();
    }

    private void publish(String stream, ObjectNode data) {
        ObjectNode frame = json.createObjectNode().put("stream", stream);
        frame.set("data", data);
        for (MarketSocket s : marketSockets) {
            if (!s.closed && s.socket != null && s.streams.contains(stream)) {
                s.socket.send(frame.toString());
            }
        }
    }

    // ---------------------------------------------------------------- dispatch

    private MockResponse dispatch(RecordedRequest request) {
        String target = request.getPath();
        int q = target.indexOf('?');
        String route = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? "" : target.substring(q + 1);
        if (route.equals("/stream")) {
            return marketUpgrade(rawQuery);
        }
        if (route.equals("/market/stream")) {
            return marketUpgrade(rawQuery);
        }
        if (route.startsWith("/private/ws/")) {
            synchronized (this) {
                return new MockResponse().withWebSocketUpgrade(usdm.socketFor(route.substring("/private/ws/".length())));
            }
        }
        if (route.equals("/ws-api/v3")) {
            return new MockResponse().withWebSocketUpgrade(new WsApi());
        }
        restRequests.incrementAndGet();
        String rawBody = request.getBody().readUtf8();
        synchronized (this) {
            return rest(request.getMethod(), route, rawQuery, rawBody, request.getHeader("X-MBX-APIKEY"));
        }
    }

    private MockResponse rest(String method, String route, String rawQuery, String rawBody, String apiKey) {
        Instant now = clock.instant();
        if (now.isBefore(bannedUntil) || scriptedBan) {
            return ban(now);
        }
        if (now.isBefore(pausedUntil)) {
            // kept sending during a 429's Retry-After: Binance bans the IP
            return ban(now);
        }
        if (scripted429s > 0) {
            scripted429s--;
            pausedUntil = now.plusSeconds(scriptedRetryAfterSeconds);
            return error(429, -1003, "Too many requests; current limit of IP is " + weightLimit
                    + " requests per minute. Please use WebSocket Streams for live updates to avoid polling the API.")
                    .setHeader("Retry-After", scriptedRetryAfterSeconds);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        String duplicate = parse(rawQuery, params);
        String bodyDuplicate = parse(rawBody, params);
        int weight = weight(method, route, params);
        boolean futures = route.startsWith("/fapi/");
        rollWeight();
        int limit = futures ? futuresWeightLimit : weightLimit;
        int used;
        if (futures) {
            used = usdm.usedWeight += weight;
        } else {
            used = usedWeight += weight;
        }
        if (used > limit) {
            long secondsLeft = Math.max(1, (60_000 - serverTime() % 60_000 + 999) / 1000);
            pausedUntil = now.plusSeconds(secondsLeft);
            return withWeight(error(429, -1003, "Too much request weight used; current limit is " + limit
                    + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.")
                    .setHeader("Retry-After", secondsLeft));
        }
        if (duplicate != null || bodyDuplicate != null) {
            return withWeight(error(400, -1101, "Duplicate values for a parameter detected."));
        }
        MockResponse response;
        try {
            response = route(method, route, rawQuery, rawBody, apiKey, params);
        } catch (Reject r) {
            response = error(r.status, r.code, r.getMessage());
            if (r.retryAfterSeconds > 0) {
                response.setHeader("Retry-After", r.retryAfterSeconds);
            }
        }
        boolean orderEntry = route.startsWith("/api/v3/order") && !method.equals("GET");
        if (orderEntry && response.getStatus().contains(" 200 ")) {
            usedWeight -= weight;
        }
        return futures ? response.setHeader("X-MBX-USED-WEIGHT-1M", usdm.usedWeight) : withWeight(response);
    }

    private MockResponse route(String method, String route, String rawQuery, String rawBody, String apiKey,
            Map<String, List<String>> params) {
        if (route.startsWith("/fapi/")) {
            return futuresRoute(method, route, rawQuery, rawBody, apiKey, params);
        }
        return switch (method + " " + route) {
            case "GET /api/v3/ping" -> ok(json.createObjectNode());
            case "GET /api/v3/time" -> ok(json.createObjectNode().put("serverTime", serverTime()));
            case "GET /api/v3/exchangeInfo" -> exchangeInfo(params);
            case "GET /api/v3/klines" -> klines(params);
            case "GET /api/v3/ticker/bookTicker" -> bookTicker(params);
            case "POST /api/v3/order" -> newOrder(verify(apiKey, rawQuery, rawBody, params), params);
            case "POST /api/v3/order/cancelReplace" -> cancelReplace(verify(apiKey, rawQuery, rawBody, params), params);
            case "DELETE /api/v3/order" -> cancel(verify(apiKey, rawQuery, rawBody, params), params);
            case "GET /api/v3/order" -> query(verify(apiKey, rawQuery, rawBody, params), params);
            case "GET /api/v3/openOrders" -> openOrders(verify(apiKey, rawQuery, rawBody, params), params);
            case "GET /api/v3/account" -> accountInfo(verify(apiKey, rawQuery, rawBody, params), params);
            case "GET /api/v3/myTrades" -> myTrades(verify(apiKey, rawQuery, rawBody, params), params);
            default -> error(404, -1000, "An unknown error occurred while processing the request.");
        };
    }

    /** {@code /fapi}: public, key-only (listenKey) or signed like Spot; order answers carry the futures counts. */
    private MockResponse futuresRoute(String method, String route, String rawQuery, String rawBody, String apiKey,
            Map<String, List<String>> params) {
        MockAccount account = null;
        if (MockUsdm.isKeyOnly(route)) {
            account = apiKey == null ? null : accountsByKey.get(apiKey);
            if (account == null) {
                throw new Reject(401, -2015, "Invalid API-key, IP, or permissions for action.");
            }
        } else if (!MockUsdm.isPublic(route)) {
            account = verify(apiKey, rawQuery, rawBody, params);
        }
        MockResponse response = ok(usdm.route(method, route, params, account));
        if (method.equals("POST") && (route.equals("/fapi/v1/order") || route.equals("/fapi/v1/algoOrder"))) {
            int[] counts = usdm.orderCounts(account.apiKey);
            response.setHeader("X-MBX-ORDER-COUNT-10S", counts[0]).setHeader("X-MBX-ORDER-COUNT-1M", counts[1]);
        }
        return response;
    }

    private int weight(String method, String route, Map<String, List<String>> params) {
        if (route.startsWith("/fapi/")) {
            return MockUsdm.weight(method, route, params);
        }
        return switch (method + " " + route) {
            case "GET /api/v3/exchangeInfo", "GET /api/v3/account" -> 20;
            case "GET /api/v3/myTrades" -> params.containsKey("orderId") ? 5 : 20;
            case "GET /api/v3/klines", "GET /api/v3/ticker/bookTicker" -> 2;
            case "GET /api/v3/order" -> 4;
            case "GET /api/v3/openOrders" -> params.containsKey("symbol") ? 6 : 80;
            default -> 1;
        };
    }

    // ---------------------------------------------------------------- signing and timing, as Binance checks them

    private MockAccount verify(String apiKey, String rawQuery, String rawBody, Map<String, List<String>> params) {
        MockAccount account = apiKey == null ? null : accountsByKey.get(apiKey);
        if (account == null) {
            throw new Reject(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        String signature = first(params, "signature");
        if (signature == null || signature.isEmpty()) {
            throw new Reject(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        // the payload is what was received, minus the signature pair: never decoded, re-encoded or re-ordered
        String payload = withoutSignature(rawQuery) + withoutSignature(rawBody);
        if (!signatureValid(account, payload, signature)) {
            throw new Reject(400, -1022, "Signature for this request is not valid.");
        }
        checkTimestamp(first(params, "timestamp"), first(params, "recvWindow"));
        return account;
    }

    private void checkTimestamp(String timestampText, String recvWindowText) {
        if (timestampText == null) {
            throw new Reject(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        }
        long timestamp = Long.parseLong(timestampText);
        double recvWindow = recvWindowText == null ? 5000 : Double.parseDouble(recvWindowText);
        if (recvWindow > 60_000) {
            throw new Reject(400, -1131, "recvWindow must be less than 60000");
        }
        long server = serverTime();
        if (timestamp >= server + 1000) {
            throw new Reject(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (server - timestamp > recvWindow) {
            throw new Reject(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    private static boolean signatureValid(MockAccount account, String payload, String signature) {
        try {
            if (account.hmacSecret != null) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(account.hmacSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(account.ed25519);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutSignature(String raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&", -1)) {
            if (!pair.startsWith("signature=")) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    // ---------------------------------------------------------------- public endpoints

    private MockResponse exchangeInfo(Map<String, List<String>> params) {
        ObjectNode info = exchangeInfo.deepCopy();
        info.put("serverTime", serverTime());
        // the limits this server enforces, as the real exchangeInfo lists the real ones
        for (JsonNode limit : info.path("rateLimits")) {
            String type = limit.path("rateLimitType").asText();
            String interval = limit.path("interval").asText();
            if (type.equals("REQUEST_WEIGHT") && interval.equals("MINUTE")) {
                ((ObjectNode) limit).put("limit", weightLimit);
            } else if (type.equals("ORDERS") && interval.equals("SECOND")) {
                ((ObjectNode) limit).put("limit", ordersPer10s);
            }
        }
        String symbol = first(params, "symbol");
        if (symbol != null) {
            ArrayNode only = json.createArrayNode().add(symbolRules(symbol));
            info.set("symbols", only);
        }
        return ok(info);
    }

    private MockResponse klines(Map<String, List<String>> params) {
        String symbol = required(params, "symbol");
        symbolRules(symbol);
        String interval = required(params, "interval");
        if (intervalMillis(interval) < 0) {
            throw new Reject(400, -1120, "Invalid interval.");
        }
        int limit = first(params, "limit") == null ? 500 : Integer.parseInt(first(params, "limit"));
        if (limit < 1 || limit > 1000) {
            throw new Reject(400, -1130, "Data sent for parameter 'limit' is not valid.");
        }
        long start = first(params, "startTime") == null ? Long.MIN_VALUE : Long.parseLong(first(params, "startTime"));
        long end = first(params, "endTime") == null ? Long.MAX_VALUE : Long.parseLong(first(params, "endTime"));
        ArrayNode rows = json.createArrayNode();
        if (symbol.equals("ETHUSDT") && interval.equals("5m")) {
            for (int i = 0; i < ethKlines.size() && rows.size() < limit; i++) {
                long open = ethKlineTimes.get(i)[0];
                if (open >= start && open <= end) {
                    rows.add(ethKlines.get(i));
                }
            }
        }
        return ok(rows);
    }

    private MockResponse bookTicker(Map<String, List<String>> params) {
        String symbol = required(params, "symbol");
        symbolRules(symbol);
        BigDecimal[] book = books.get(symbol);
        return ok(json.createObjectNode().put("symbol", symbol).put("bidPrice", plain8(book[0])).put("bidQty", "1.50000000")
                .put("askPrice", plain8(book[1])).put("askQty", "2.00000000"));
    }

    // ---------------------------------------------------------------- orders

    private MockResponse newOrder(MockAccount account, Map<String, List<String>> params) {
        for (String name : params.keySet()) {
            if (!ORDER_PARAMS.contains(name)) {
                throw new Reject(400, -1103, "An unknown parameter was sent.");
            }
        }
        if (scriptedServerErrors > 0) {
            scriptedServerErrors--;
            placeOrder(account, params);
            return error(503, 0, "Service Unavailable.");
        }
        MockOrder order = placeOrder(account, params);
        return orderCount(ok(fullResponse(order)), account);
    }

    private MockOrder placeOrder(MockAccount account, Map<String, List<String>> params) {
        String symbol = required(params, "symbol");
        JsonNode rules = symbolRules(symbol);
        String side = required(params, "side");
        String type = required(params, "type");
        MockOrder order = new MockOrder();
        order.symbol = symbol;
        order.side = side;
        order.type = type;
        order.timeInForce = first(params, "timeInForce");
        order.origQty = decimal(params, "quantity");
        order.quoteOrderQty = decimal(params, "quoteOrderQty");
        order.price = decimal(params, "price");
        order.stopPrice = decimal(params, "stopPrice");
        order.clientOrderId = first(params, "newClientOrderId") == null ? "mock-" + nextOrderId
                : first(params, "newClientOrderId");
        boolean limitType = Set.of("LIMIT", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT").contains(type);
        if (limitType && order.timeInForce == null) {
            throw mandatory("timeInForce");
        }
        if (!type.equals("MARKET") && order.price == null) {
            throw mandatory("price");
        }
        if (type.endsWith("_LIMIT") && order.stopPrice == null) {
            throw mandatory("stopPrice");
        }
        if (order.origQty == null && !(type.equals("MARKET") && order.quoteOrderQty != null)) {
            throw mandatory("quantity");
        }
        if (!rules.path("status").asText().equals("TRADING")) {
            throw new Reject(400, -2010, "Market is closed.");
        }
        MockOrder existing = account.byClientId(symbol, order.clientOrderId);
        if (existing != null && existing.isOpen()) {
            throw new Reject(400, -2010, "Duplicate order sent.");
        }
        countOrder(account);
        BigDecimal[] book = books.get(symbol);
        BigDecimal takerPrice = side.equals("BUY") ? book[1] : book[0];
        if (order.origQty == null) {
            order.origQty = floorToStep(order.quoteOrderQty.divide(takerPrice, 8, RoundingMode.DOWN), filter(rules, "LOT_SIZE"));
        }
        checkFilters(rules, order, takerPrice);
        String base = rules.path("baseAsset").asText();
        String quote = rules.path("quoteAsset").asText();
        boolean marketable = type.equals("MARKET") || type.equals("LIMIT") && crosses(order, takerPrice);
        if (type.equals("LIMIT_MAKER") && crosses(order, takerPrice)) {
            throw new Reject(400, -2010, "Order would immediately match and take.");
        }
        BigDecimal need = side.equals("BUY") ? order.origQty.multiply(marketable ? takerPrice : order.price) : order.origQty;
        String needAsset = side.equals("BUY") ? quote : base;
        if (account.balance(needAsset)[0].compareTo(need) < 0) {
            throw new Reject(400, -2010, "Account has insufficient balance for requested action.");
        }
        order.orderId = nextOrderId++;
        order.time = serverTime();
        order.updateTime = order.time;
        account.orders.put(order.orderId, order);
        order.lockedAsset = needAsset;
        order.locked = need;
        move(account, needAsset, need.negate(), need);
        executionReport(account, order, "NEW", null, null, null);
        if (marketable) {
            fill(account, order, takerPrice, order.origQty, false);
        }
        accountPosition(account, base, quote);
        return order;
    }

    private boolean crosses(MockOrder order, BigDecimal price) {
        return order.isBuy() ? order.price.compareTo(price) >= 0 : order.price.compareTo(price) <= 0;
    }

    /** A market trade at {@code price} reaches a resting order: trigger a stop, fill a crossed limit. Returns the quantity filled. */
    private BigDecimal touch(MockAccount account, MockOrder order, BigDecimal price, BigDecimal available) {
        if (order.type.endsWith("_LIMIT") && !order.triggered) {
            // a stop-loss fires when the price moves against the side, a take-profit when it moves for it
            boolean fallsThrough = order.isBuy() == order.type.equals("TAKE_PROFIT_LIMIT");
            int cmp = price.compareTo(order.stopPrice);
            if (fallsThrough ? cmp > 0 : cmp < 0) {
                return BigDecimal.ZERO;
            }
            order.triggered = true;
        }
        if (!crosses(order, price)) {
            return BigDecimal.ZERO;
        }
        BigDecimal qty = order.origQty.subtract(order.executedQty).min(available);
        fill(account, order, order.price, qty, true);
        JsonNode rules = symbolRules(order.symbol);
        accountPosition(account, rules.path("baseAsset").asText(), rules.path("quoteAsset").asText());
        return qty;
    }

    private void fill(MockAccount account, MockOrder order, BigDecimal price, BigDecimal qty, boolean maker) {
        JsonNode rules = symbolRules(order.symbol);
        String base = rules.path("baseAsset").asText();
        String quote = rules.path("quoteAsset").asText();
        BigDecimal quoteQty = price.multiply(qty);
        BigDecimal remaining = order.origQty.subtract(order.executedQty);
        BigDecimal release = qty.compareTo(remaining) == 0 ? order.locked
                : order.locked.multiply(qty).divide(remaining, 16, RoundingMode.HALF_UP);
        // the fee comes out of what the trade brings in (the base asset on a buy, the quote on a sell), or BNB
        String received = order.isBuy() ? base : quote;
        BigDecimal commission = (order.isBuy() ? qty : quoteQty).multiply(commissionRate).setScale(8, RoundingMode.HALF_UP);
        String commissionAsset = received;
        if (account.bnbPrice != null) {
            BigDecimal inBnb = quoteQty.multiply(commissionRate).multiply(BNB_DISCOUNT)
                    .divide(account.bnbPrice, 8, RoundingMode.HALF_UP);
            if (account.balance("BNB")[0].compareTo(inBnb) >= 0) {
                commission = inBnb;
                commissionAsset = "BNB";
                move(account, "BNB", inBnb.negate(), BigDecimal.ZERO);
            }
        }
        BigDecimal feeFromReceived = commissionAsset.equals(received) ? commission : BigDecimal.ZERO;
        if (order.isBuy()) {
            move(account, quote, release.subtract(quoteQty), release.negate());
            move(account, base, qty.subtract(feeFromReceived), BigDecimal.ZERO);
        } else {
            move(account, base, BigDecimal.ZERO, release.negate());
            move(account, quote, quoteQty.subtract(feeFromReceived), BigDecimal.ZERO);
        }
        order.locked = order.locked.subtract(release);
        order.executedQty = order.executedQty.add(qty);
        order.cumQuote = order.cumQuote.add(quoteQty);
        order.status = order.executedQty.compareTo(order.origQty) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
        order.updateTime = serverTime();
        long tradeId = nextTradeId++;
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("symbol", order.symbol);
        trade.put("id", tradeId);
        trade.put("orderId", order.orderId);
        trade.put("orderListId", -1);
        trade.put("price", plain8(price));
        trade.put("qty", plain8(qty));
        trade.put("quoteQty", plain8(quoteQty));
        trade.put("commission", plain8(commission));
        trade.put("commissionAsset", commissionAsset);
        trade.put("time", order.updateTime);
        trade.put("isBuyer", order.isBuy());
        trade.put("isMaker", maker);
        trade.put("isBestMatch", true);
        account.trades.add(trade);
        order.fills.add(trade);
        executionReport(account, order, "TRADE", price, qty, tradeId, null, trade);
        if (commissionAsset.equals("BNB")) {
            accountPosition(account, "BNB");
        }
    }

    private MockResponse cancel(MockAccount account, Map<String, List<String>> params) {
        return ok(cancelOrder(account, params, first(params, "newClientOrderId")));
    }

    private ObjectNode cancelOrder(MockAccount account, Map<String, List<String>> params, String newClientOrderId) {
        MockOrder order = find(account, params, -2011, "Unknown order sent.");
        if (!order.isOpen()) {
            throw new Reject(400, -2011, "Unknown order sent.");
        }
        move(account, order.lockedAsset, order.locked, order.locked.negate());
        order.locked = BigDecimal.ZERO;
        order.status = "CANCELED";
        order.updateTime = serverTime();
        String cancelId = newClientOrderId == null ? "cancel-" + order.orderId : newClientOrderId;
        executionReport(account, order, "CANCELED", null, null, null, cancelId, null);
        JsonNode rules = symbolRules(order.symbol);
        accountPosition(account, rules.path("baseAsset").asText(), rules.path("quoteAsset").asText());
        ObjectNode body = orderObject(order);
        body.put("origClientOrderId", order.clientOrderId);
        body.put("clientOrderId", cancelId);
        body.put("transactTime", order.updateTime);
        return body;
    }

    /** {@code POST /api/v3/order/cancelReplace} in STOP_ON_FAILURE mode: no new order when the cancel fails. */
    private MockResponse cancelReplace(MockAccount account, Map<String, List<String>> params) {
        if (!"STOP_ON_FAILURE".equals(first(params, "cancelReplaceMode"))
                && !"ALLOW_FAILURE".equals(first(params, "cancelReplaceMode"))) {
            throw mandatory("cancelReplaceMode");
        }
        Map<String, List<String>> cancelParams = new LinkedHashMap<>();
        cancelParams.put("symbol", params.get("symbol"));
        if (params.containsKey("cancelOrigClientOrderId")) {
            cancelParams.put("origClientOrderId", params.get("cancelOrigClientOrderId"));
        }
        if (params.containsKey("cancelOrderId")) {
            cancelParams.put("orderId", params.get("cancelOrderId"));
        }
        ObjectNode data = json.createObjectNode();
        ObjectNode cancelled;
        try {
            cancelled = cancelOrder(account, cancelParams, first(params, "cancelNewClientOrderId"));
        } catch (Reject r) {
            data.put("cancelResult", "FAILURE").put("newOrderResult", "NOT_ATTEMPTED");
            data.putObject("cancelResponse").put("code", r.code).put("msg", r.getMessage());
            data.putNull("newOrderResponse");
            return errorWithData(400, -2022, "Order cancel-replace failed.", data);
        }
        Map<String, List<String>> orderParams = new LinkedHashMap<>(params);
        orderParams.remove("cancelReplaceMode");
        orderParams.remove("cancelOrigClientOrderId");
        orderParams.remove("cancelOrderId");
        orderParams.remove("cancelNewClientOrderId");
        data.put("cancelResult", "SUCCESS");
        data.set("cancelResponse", cancelled);
        try {
            MockOrder order = placeOrder(account, orderParams);
            data.put("newOrderResult", "SUCCESS");
            data.set("newOrderResponse", fullResponse(order));
            return orderCount(ok(data), account);
        } catch (Reject r) {
            data.put("newOrderResult", "FAILURE");
            data.putObject("newOrderResponse").put("code", r.code).put("msg", r.getMessage());
            return errorWithData(409, -2021, "Order cancel-replace partially failed.", data);
        }
    }

    private MockResponse query(MockAccount account, Map<String, List<String>> params) {
        return ok(orderObject(find(account, params, -2013, "Order does not exist.")));
    }

    private MockResponse openOrders(MockAccount account, Map<String, List<String>> params) {
        String symbol = first(params, "symbol");
        ArrayNode open = json.createArrayNode();
        account.orders.values().stream().filter(MockOrder::isOpen)
                .filter(o -> symbol == null || o.symbol.equals(symbol)).forEach(o -> open.add(orderObject(o)));
        return ok(open);
    }

    private MockResponse accountInfo(MockAccount account, Map<String, List<String>> params) {
        boolean omitZero = "true".equals(first(params, "omitZeroBalances"));
        int bips = commissionRate.movePointRight(4).intValue();
        String rate = plain8(commissionRate);
        ObjectNode body = json.createObjectNode().put("makerCommission", bips).put("takerCommission", bips)
                .put("buyerCommission", 0).put("sellerCommission", 0).put("canTrade", true).put("canWithdraw", true)
                .put("canDeposit", true).put("brokered", false).put("requireSelfTradePrevention", false)
                .put("preventSor", false).put("updateTime", serverTime()).put("accountType", "SPOT");
        body.putObject("commissionRates").put("maker", rate).put("taker", rate)
                .put("buyer", "0.00000000").put("seller", "0.00000000");
        ArrayNode balances = body.putArray("balances");
        account.balances.forEach((asset, b) -> {
            if (!omitZero || b[0].signum() != 0 || b[1].signum() != 0) {
                balances.addObject().put("asset", asset).put("free", plain8(b[0])).put("locked", plain8(b[1]));
            }
        });
        body.putArray("permissions").add("SPOT");
        body.put("uid", 354937868);
        return ok(body);
    }

    private MockResponse myTrades(MockAccount account, Map<String, List<String>> params) {
        String symbol = required(params, "symbol");
        long fromId = first(params, "fromId") == null ? Long.MIN_VALUE : Long.parseLong(first(params, "fromId"));
        int limit = first(params, "limit") == null ? 500 : Integer.parseInt(first(params, "limit"));
        ArrayNode out = json.createArrayNode();
        String orderId = first(params, "orderId");
        account.trades.stream().filter(t -> t.get("symbol").equals(symbol) && (long) t.get("id") >= fromId)
                .filter(t -> orderId == null || String.valueOf(t.get("orderId")).equals(orderId))
                .limit(limit).forEach(t -> out.add(json.valueToTree(t)));
        return ok(out);
    }

    private MockOrder find(MockAccount account, Map<String, List<String>> params, int code, String message) {
        String symbol = required(params, "symbol");
        String clientId = first(params, "origClientOrderId");
        String orderId = first(params, "orderId");
        if (clientId == null && orderId == null) {
            throw new Reject(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        MockOrder order = orderId != null ? account.orders.get(Long.parseLong(orderId)) : account.byClientId(symbol, clientId);
        if (order == null || !order.symbol.equals(symbol)) {
            throw new Reject(400, code, message);
        }
        return order;
    }

    private void countOrder(MockAccount account) {
        long now = serverTime();
        if (now / 10_000 != account.count10sWindow) {
            account.count10sWindow = now / 10_000;
            account.count10s = 0;
        }
        if (now / 86_400_000 != account.countDayWindow) {
            account.countDayWindow = now / 86_400_000;
            account.countDay = 0;
        }
        if (account.count10s >= ordersPer10s) {
            throw new Reject(429, -1015, "Too many new orders; current limit is " + ordersPer10s + " orders per 10 SECOND.")
                    .retryAfter((int) ((10_000 - now % 10_000 + 999) / 1000));
        }
        account.count10s++;
        account.countDay++;
    }

    private MockResponse orderCount(MockResponse response, MockAccount account) {
        return response.setHeader("X-MBX-ORDER-COUNT-10S", account.count10s).setHeader("X-MBX-ORDER-COUNT-1D", account.countDay);
    }

    // ---------------------------------------------------------------- filters, as the exchange applies them

    private void checkFilters(JsonNode rules, MockOrder order, BigDecimal takerPrice) {
        JsonNode price = filter(rules, "PRICE_FILTER");
        for (BigDecimal p : new BigDecimal[] {order.price, order.stopPrice}) {
            if (p != null && price != null && (!onGrid(p, dec(price, "tickSize"))
                    || below(p, dec(price, "minPrice")) || above(p, dec(price, "maxPrice")))) {
                throw filterFailure("PRICE_FILTER");
            }
        }
        checkLot(rules, "LOT_SIZE", order.origQty);
        if (order.type.equals("MARKET")) {
            checkLot(rules, "MARKET_LOT_SIZE", order.origQty);
        }
        BigDecimal judged = order.type.equals("MARKET") ? takerPrice : order.price;
        BigDecimal notional = order.quoteOrderQty != null ? order.quoteOrderQty : judged.multiply(order.origQty);
        JsonNode n = filter(rules, "NOTIONAL");
        if (n != null) {
            boolean market = order.type.equals("MARKET");
            if ((!market || n.path("applyMinToMarket").asBoolean()) && below(notional, dec(n, "minNotional"))
                    || (!market || n.path("applyMaxToMarket").asBoolean()) && above(notional, dec(n, "maxNotional"))) {
                throw filterFailure("NOTIONAL");
            }
        }
        JsonNode m = filter(rules, "MIN_NOTIONAL");
        if (m != null && (!order.type.equals("MARKET") || m.path("applyToMarket").asBoolean())
                && below(notional, dec(m, "minNotional"))) {
            throw filterFailure("MIN_NOTIONAL");
        }
    }

    private void checkLot(JsonNode rules, String type, BigDecimal qty) {
        JsonNode lot = filter(rules, type);
        if (lot != null && (!onGrid(qty, dec(lot, "stepSize")) || below(qty, dec(lot, "minQty"))
                || above(qty, dec(lot, "maxQty")))) {
            throw filterFailure(type);
        }
    }

    private static boolean onGrid(BigDecimal value, BigDecimal step) {
        return step.signum() == 0 || value.remainder(step).signum() == 0;
    }

    private static boolean below(BigDecimal value, BigDecimal min) {
        return min.signum() > 0 && value.compareTo(min) < 0;
    }

    private static boolean above(BigDecimal value, BigDecimal max) {
        return max.signum() > 0 && value.compareTo(max) > 0;
    }

    private static Reject filterFailure(String filter) {
        return new Reject(400, -1013, "Filter failure: " + filter);
    }

    private static BigDecimal floorToStep(BigDecimal qty, JsonNode lot) {
        BigDecimal step = dec(lot, "stepSize");
        return step.signum() == 0 ? qty : qty.divide(step, 0, RoundingMode.DOWN).multiply(step);
    }

    private JsonNode symbolRules(String symbol) {
        JsonNode rules = symbols.get(symbol);
        if (rules == null) {
            throw new Reject(400, -1121, "Invalid symbol.");
        }
        return rules;
    }

    private static JsonNode filter(JsonNode rules, String type) {
        for (JsonNode f : rules.path("filters")) {
            if (f.path("filterType").asText().equals(type)) {
                return f;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- user data events

    private void executionReport(MockAccount account, MockOrder order, String executionType, BigDecimal lastPrice,
            BigDecimal lastQty, Long tradeId) {
        executionReport(account, order, executionType, lastPrice, lastQty, tradeId, null, null);
    }

    private void executionReport(MockAccount account, MockOrder order, String executionType, BigDecimal lastPrice,
            BigDecimal lastQty, Long tradeId, String cancelId, Map<String, Object> trade) {
        ObjectNode e = json.createObjectNode().put("e", "executionReport").put("E", serverTime()).put("s", order.symbol)
                .put("c", cancelId != null ? cancelId : order.clientOrderId).put("S", order.side).put("o", order.type)
                .put("f", order.timeInForce == null ? "GTC" : order.timeInForce).put("q", plain8(order.origQty))
                .put("p", plain8(order.price == null ? BigDecimal.ZERO : order.price))
                .put("P", plain8(order.stopPrice == null ? BigDecimal.ZERO : order.stopPrice)).put("F", "0.00000000")
                .put("g", -1).put("C", cancelId != null ? order.clientOrderId : "").put("x", executionType)
                .put("X", order.status).put("r", "NONE").put("i", order.orderId)
                .put("l", plain8(lastQty == null ? BigDecimal.ZERO : lastQty)).put("z", plain8(order.executedQty))
                .put("L", plain8(lastPrice == null ? BigDecimal.ZERO : lastPrice))
                .put("n", trade == null ? "0" : (String) trade.get("commission"))
                .put("T", order.updateTime).put("t", tradeId == null ? -1 : tradeId).put("v", 3).put("I", 8641984)
                .put("w", order.isOpen()).put("m", false).put("M", false).put("O", order.time)
                .put("Z", plain8(order.cumQuote))
                .put("Y", plain8(lastQty == null ? BigDecimal.ZERO : lastQty.multiply(lastPrice)))
                .put("Q", plain8(order.quoteOrderQty == null ? BigDecimal.ZERO : order.quoteOrderQty))
                .put("W", order.time).put("V", "EXPIRE_MAKER");
        if (trade == null) {
            e.putNull("N");
        } else {
            e.put("N", (String) trade.get("commissionAsset"));
        }
        push(account, e);
    }

    private void accountPosition(MockAccount account, String... assets) {
        ObjectNode e = json.createObjectNode().put("e", "outboundAccountPosition").put("E", serverTime())
                .put("u", serverTime());
        ArrayNode changed = e.putArray("B");
        for (String asset : assets) {
            BigDecimal[] b = account.balance(asset);
            changed.addObject().put("a", asset).put("f", plain8(b[0])).put("l", plain8(b[1]));
        }
        push(account, e);
    }

    private void push(MockAccount account, ObjectNode event) {
        for (MockAccount.Subscription s : account.subscriptions) {
            ObjectNode frame = json.createObjectNode().put("subscriptionId", s.id());
            frame.set("event", event);
            s.socket().send(frame.toString());
        }
    }

    /** The WebSocket API: the user-data subscription and ping. */
    private final class WsApi extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            wsApiSockets.add(webSocket);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode request;
            try {
                request = json.readTree(text);
            } catch (IOException e) {
                webSocket.send("{\"id\":null,\"status\":400,\"error\":{\"code\":-1100,\"msg\":\"Illegal characters found in a parameter.\"}}");
                return;
            }
            JsonNode id = request.path("id");
            ObjectNode response = json.createObjectNode();
            response.set("id", id);
            try {
                switch (request.path("method").asText()) {
                    case "ping" -> response.put("status", 200).putObject("result");
                    case "userDataStream.subscribe.signature" -> {
                        rateLimitWsApi();
                        int subscription = subscribe(webSocket, request.path("params"));
                        response.put("status", 200).putObject("result").put("subscriptionId", subscription);
                    }
                    default -> throw new Reject(400, -1100, "Illegal characters found in parameter 'method'.");
                }
            } catch (Reject r) {
                ObjectNode error = response.put("status", r.status).putObject("error").put("code", r.code)
                        .put("msg", r.getMessage());
                if (r.retryAtMillis > 0) {
                    error.putObject("data").put("serverTime", serverTime()).put("retryAfter", r.retryAtMillis);
                }
            }
            ArrayNode limits = response.putArray("rateLimits");
            limits.addObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
                    .put("limit", weightLimit).put("count", usedWeight());
            webSocket.send(response.toString());
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            forget(webSocket);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            forget(webSocket);
        }

        private void forget(WebSocket webSocket) {
            wsApiSockets.remove(webSocket);
            synchronized (MockBinance.this) {
                accountsByKey.values().forEach(a -> a.subscriptions.removeIf(s -> s.socket() == webSocket));
            }
        }
    }

    /** A scripted 429 on the WebSocket API: the IP's weight is spent until {@code retryAfter} (epoch ms) in {@code data}. */
    private synchronized void rateLimitWsApi() {
        if (scriptedWsApi429s > 0) {
            scriptedWsApi429s--;
            errorCodesSent.add(-1003);
            Reject r = new Reject(429, -1003, "Too much request weight used; current limit is " + weightLimit
                    + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");
            r.retryAtMillis = serverTime() + scriptedWsApiRetryAfterMillis;
            throw r;
        }
    }

    /** Signed over the parameters sorted by name, values as sent (WebSocket API rule); then the usual timing check. */
    private synchronized int subscribe(WebSocket socket, JsonNode params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.properties().forEach(f -> sorted.put(f.getKey(), f.getValue().asText()));
        String signature = sorted.remove("signature");
        MockAccount account = accountsByKey.get(sorted.get("apiKey"));
        if (account == null) {
            throw new Reject(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        if (signature == null) {
            throw new Reject(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        StringBuilder payload = new StringBuilder();
        sorted.forEach((k, v) -> payload.append(payload.isEmpty() ? "" : "&").append(k).append('=').append(v));
        if (!signatureValid(account, payload.toString(), signature)) {
            throw new Reject(400, -1022, "Signature for this request is not valid.");
        }
        checkTimestamp(sorted.get("timestamp"), sorted.get("recvWindow"));
        int id = subscriptionIds++;
        account.subscriptions.add(new MockAccount.Subscription(socket, id));
        return id;
    }

    private MockResponse marketUpgrade(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        parse(rawQuery, params);
        String streams = first(params, "streams");
        MarketSocket socket = new MarketSocket(streams == null ? Set.of() : Set.of(streams.split("/")));
        marketSockets.add(socket);
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                socket.socket = webSocket;
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                socket.closed = true;
                webSocket.close(1000, null);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                socket.closed = true;
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private ObjectNode orderObject(MockOrder o) {
        return json.createObjectNode().put("symbol", o.symbol).put("orderId", o.orderId).put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId).put("price", plain8(o.price == null ? BigDecimal.ZERO : o.price))
                .put("origQty", plain8(o.origQty)).put("executedQty", plain8(o.executedQty))
                .put("cummulativeQuoteQty", plain8(o.cumQuote)).put("status", o.status)
                .put("timeInForce", o.timeInForce == null ? "GTC" : o.timeInForce).put("type", o.type).put("side", o.side)
                .put("stopPrice", plain8(o.stopPrice == null ? BigDecimal.ZERO : o.stopPrice)).put("icebergQty", "0.00000000")
                .put("time", o.time).put("updateTime", o.updateTime).put("isWorking", true).put("workingTime", o.time)
                .put("origQuoteOrderQty", plain8(o.quoteOrderQty == null ? BigDecimal.ZERO : o.quoteOrderQty))
                .put("selfTradePreventionMode", "EXPIRE_MAKER");
    }

    private ObjectNode fullResponse(MockOrder o) {
        ObjectNode body = json.createObjectNode().put("symbol", o.symbol).put("orderId", o.orderId).put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId).put("transactTime", o.time)
                .put("price", plain8(o.price == null ? BigDecimal.ZERO : o.price)).put("origQty", plain8(o.origQty))
                .put("executedQty", plain8(o.executedQty)).put("origQuoteOrderQty",
                        plain8(o.quoteOrderQty == null ? BigDecimal.ZERO : o.quoteOrderQty))
                .put("cummulativeQuoteQty", plain8(o.cumQuote)).put("status", o.status)
                .put("timeInForce", o.timeInForce == null ? "GTC" : o.timeInForce).put("type", o.type).put("side", o.side)
                .put("workingTime", o.time).put("selfTradePreventionMode", "EXPIRE_MAKER");
        ArrayNode fills = body.putArray("fills");
        for (Map<String, Object> t : o.fills) {
            fills.addObject().put("price", (String) t.get("price")).put("qty", (String) t.get("qty"))
                    .put("commission", (String) t.get("commission")).put("commissionAsset", (String) t.get("commissionAsset"))
                    .put("tradeId", (Long) t.get("id"));
        }
        return body;
    }

    private void move(MockAccount account, String asset, BigDecimal freeDelta, BigDecimal lockedDelta) {
        BigDecimal[] b = account.balance(asset);
        b[0] = b[0].add(freeDelta);
        b[1] = b[1].add(lockedDelta);
    }

    private MockAccount account(String apiKey) {
        MockAccount account = accountsByKey.get(apiKey);
        if (account == null) {
            throw new IllegalArgumentException("no mock account with key " + apiKey);
        }
        return account;
    }

    /** Weight is counted per IP in fixed minutes of the server's own clock (skew included). */
    private void rollWeight() {
        long minute = serverTime() / 60_000;
        if (minute != weightMinute) {
            weightMinute = minute;
            usedWeight = 0;
            usdm.usedWeight = 0;
        }
    }

    private MockResponse ban(Instant now) {
        scriptedBan = false;
        bannedUntil = now.plusSeconds(120);
        bans++;
        return error(418, -1003, "Way too much request weight used; IP banned until " + bannedUntil.toEpochMilli()
                + ". Please use WebSocket Streams for live updates to avoid bans.").setHeader("Retry-After", 120);
    }

    private MockResponse withWeight(MockResponse response) {
        return response.setHeader("X-MBX-USED-WEIGHT-1M", usedWeight);
    }

    private MockResponse ok(JsonNode body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(body.toString());
    }

    private MockResponse error(int status, int code, String message) {
        errorCodesSent.add(code);
        ObjectNode body = json.createObjectNode().put("code", code).put("msg", message);
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(body.toString());
    }

    private MockResponse errorWithData(int status, int code, String message, ObjectNode data) {
        errorCodesSent.add(code);
        ObjectNode body = json.createObjectNode().put("code", code).put("msg", message);
        body.set("data", data);
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(body.toString());
    }

    private static Reject mandatory(String param) {
        return new Reject(400, -1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    /** Decodes {@code a=1&b=2} into {@code params}; returns the name of a duplicated parameter, if any. */
    private static String parse(String raw, Map<String, List<String>> params) {
        String duplicate = null;
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            List<String> values = params.computeIfAbsent(name, n -> new ArrayList<>());
            if (!values.isEmpty()) {
                duplicate = name;
            }
            values.add(value);
        }
        return duplicate;
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? null : values.get(0);
    }

    static String required(Map<String, List<String>> params, String name) {
        String value = first(params, name);
        if (value == null || value.isEmpty()) {
            throw mandatory(name);
        }
        return value;
    }

    static BigDecimal decimal(Map<String, List<String>> params, String name) {
        String value = first(params, name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new Reject(400, -1100, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
    }

    private static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asText("0"));
    }

    static String plain8(BigDecimal value) {
        return value.setScale(8, RoundingMode.DOWN).toPlainString();
    }

    static long intervalMillis(String interval) {
        return switch (interval) {
            case "1s" -> 1000L;
            case "1m" -> 60_000L;
            case "3m" -> 180_000L;
            case "5m" -> 300_000L;
            case "15m" -> 900_000L;
            case "30m" -> 1_800_000L;
            case "1h" -> 3_600_000L;
            case "2h" -> 7_200_000L;
            case "4h" -> 14_400_000L;
            case "6h" -> 21_600_000L;
            case "8h" -> 28_800_000L;
            case "12h" -> 43_200_000L;
            case "1d" -> 86_400_000L;
            case "3d" -> 259_200_000L;
            case "1w" -> 604_800_000L;
            case "1M" -> 2_592_000_000L;
            default -> -1L;
        };
    }

    /** Real Binance (BinanceUS) ETH/USD 5-minute candles shipped in ta4j-examples, served as ETHUSDT 5m klines. */
    private void loadEthKlines() {
        JsonNode data = readResource("/ETH-USD-PT5M-2023-3-13_2023-3-15.json");
        for (JsonNode c : data.path("ohlc")) {
            long close = c.path("endTime").asLong();
            long open = close - 300_000 + 1;
            ArrayNode row = json.createArrayNode().add(open).add(c.path("openPrice").asText())
                    .add(c.path("highPrice").asText()).add(c.path("lowPrice").asText()).add(c.path("closePrice").asText())
                    .add(c.path("volume").asText()).add(close).add("0").add(0).add("0").add("0").add("0");
            ethKlines.add(row);
            ethKlineTimes.add(new long[] {open, close});
        }
    }

    private JsonNode readResource(String name) {
        try (InputStream in = MockBinance.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refusal with Binance's HTTP status, code and message. */
    static final class Reject extends RuntimeException {
        final int status;
        final int code;
        int retryAfterSeconds;
        /** The WebSocket API's {@code error.data.retryAfter}: when the client may send again, epoch ms. */
        long retryAtMillis;

        Reject retryAfter(int seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        Reject(int status, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
