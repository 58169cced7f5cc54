package dev.stratc.brokers.binance.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The mock's USDⓈ-M futures ({@code /fapi}), signed and timed exactly as Spot (MockBinance verifies before it
 * calls here) but with its own state: a USDT wallet per account apart from the Spot balances, signed positions
 * per symbol and position side (one-way {@code BOTH}, or {@code LONG}/{@code SHORT} in hedge mode), leverage and
 * margin type per symbol with a leverage bracket, the standard VIP 0 commissions (maker 0.02 %, taker 0.05 %)
 * charged in USDT, funding settled by {@link #settleFunding}, conditional orders in the algo service, and the
 * listenKey user data stream ({@code ORDER_TRADE_UPDATE}, {@code ACCOUNT_UPDATE}, {@code MARGIN_CALL}).
 * Error codes and messages as Binance sends them: -2019 margin, -2022 reduce-only, -4116 duplicate client
 * order id (unique among open orders only), -4028 leverage, -4046 margin type unchanged, -4164 notional,
 * -1111 precision, -2011 unknown order, -2013 order does not exist, -1125 listenKey.
 */
final class MockUsdm {
    static final BigDecimal MAKER = new BigDecimal("0.0002");
    static final BigDecimal TAKER = new BigDecimal("0.0005");
    /** The maintenance margin rate of the first bracket (BTCUSDT 0.4 %). */
    static final BigDecimal MMR = new BigDecimal("0.004");
    static final int WEIGHT_LIMIT = 2400;

    private final MockBinance exchange;
    private final ObjectMapper json;
    private final JsonNode exchangeInfo;
    private final Map<String, JsonNode> symbols = new HashMap<>();
    private final Map<String, Fut> accounts = new LinkedHashMap<>();
    private final Map<String, Integer> brackets = new HashMap<>(Map.of("BTCUSDT", 125, "ETHUSDT", 100));
    private final Map<String, List<ObjectNode>> fundingRates = new HashMap<>();
    private long nextOrderId = 8_000_000;
    private long nextTradeId = 90_000;
    private long nextTranId = 7_000_000;
    int usedWeight;
    long weightMinute = -1;

    /** One account's futures side. */
    static final class Fut {
        final String apiKey;
        BigDecimal wallet = BigDecimal.ZERO;
        boolean hedge;
        final Map<String, BigDecimal[]> positions = new LinkedHashMap<>(); // symbol|side -> {amt, entry}
        final Map<String, Integer> leverage = new HashMap<>();
        final Map<String, String> marginType = new HashMap<>();
        final Map<Long, MockOrder> orders = new LinkedHashMap<>();
        final Map<String, ObjectNode> algoOrders = new LinkedHashMap<>();
        final List<ObjectNode> trades = new ArrayList<>();
        final List<ObjectNode> income = new ArrayList<>();
        String listenKey;
        final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        long count10sWindow = -1;
        int count10s;
        long countMinuteWindow = -1;
        int countMinute;

        Fut(String apiKey) {
            this.apiKey = apiKey;
        }
    }

    MockUsdm(MockBinance exchange, ObjectMapper json, JsonNode exchangeInfo) {
        this.exchange = exchange;
        this.json = json;
        this.exchangeInfo = exchangeInfo;
        exchangeInfo.path("symbols").forEach(s -> symbols.put(s.path("symbol").asText(), s));
    }

    Fut account(String apiKey) {
        return accounts.computeIfAbsent(apiKey, Fut::new);
    }

    // ---------------------------------------------------------------- set-up

    void setWallet(String apiKey, String amount) {
        account(apiKey).wallet = new BigDecimal(amount);
    }

    BigDecimal wallet(String apiKey) {
        return account(apiKey).wallet;
    }

    /** A position the account holds already (opened before stratc, by hand or another program). */
    void setPosition(String apiKey, String symbol, String positionSide, String amount, String entryPrice) {
        account(apiKey).positions.put(symbol + "|" + positionSide, new BigDecimal[] {new BigDecimal(amount),
                new BigDecimal(entryPrice)});
    }

    BigDecimal position(String apiKey, String symbol) {
        BigDecimal net = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> e : account(apiKey).positions.entrySet()) {
            if (e.getKey().startsWith(symbol + "|")) {
                net = net.add(e.getValue()[0]);
            }
        }
        return net;
    }

    void setHedgeMode(String apiKey, boolean hedge) {
        account(apiKey).hedge = hedge;
    }

    void setBracket(String symbol, int maxLeverage) {
        brackets.put(symbol, maxLeverage);
    }

    Integer leverage(String apiKey, String symbol) {
        return account(apiKey).leverage.get(symbol);
    }

    String marginType(String apiKey, String symbol) {
        return account(apiKey).marginType.get(symbol);
    }

    int ordersPlaced(String apiKey) {
        return account(apiKey).orders.size();
    }

    // ---------------------------------------------------------------- routing

    static boolean isPublic(String route) {
        return route.equals("/fapi/v1/time") || route.equals("/fapi/v1/ping") || route.equals("/fapi/v1/exchangeInfo")
                || route.equals("/fapi/v1/klines") || route.equals("/fapi/v1/fundingRate");
    }

    static boolean isKeyOnly(String route) {
        return route.equals("/fapi/v1/listenKey");
    }

    static int weight(String method, String route, Map<String, List<String>> params) {
        return switch (method + " " + route) {
            case "POST /fapi/v1/order", "POST /fapi/v1/algoOrder" -> 0;
            case "GET /fapi/v3/positionRisk", "GET /fapi/v3/account", "GET /fapi/v3/balance", "GET /fapi/v1/userTrades" -> 5;
            case "GET /fapi/v1/openOrders" -> params.containsKey("symbol") ? 1 : 40;
            case "GET /fapi/v1/income", "GET /fapi/v1/positionSide/dual" -> 30;
            case "GET /fapi/v1/klines" -> 5;
            case "GET /fapi/v1/fundingRate" -> 1;
            default -> 1;
        };
    }

    JsonNode route(String method, String route, Map<String, List<String>> params, MockAccount account) {
        Fut f = account == null ? null : account(account.apiKey);
        return switch (method + " " + route) {
            case "GET /fapi/v1/ping" -> json.createObjectNode();
            case "GET /fapi/v1/time" -> json.createObjectNode().put("serverTime", exchange.serverTime());
            case "GET /fapi/v1/exchangeInfo" -> exchangeInfo;
            case "GET /fapi/v1/fundingRate" -> fundingRateHistory(params);
            case "GET /fapi/v1/klines" -> klines(params);
            case "POST /fapi/v1/order" -> newOrder(f, params);
            case "DELETE /fapi/v1/order" -> cancel(f, params);
            case "GET /fapi/v1/order" -> query(f, params);
            case "GET /fapi/v1/openOrders" -> openOrders(f, params);
            case "GET /fapi/v1/userTrades" -> userTrades(f, params);
            case "POST /fapi/v1/algoOrder" -> newAlgoOrder(f, params);
            case "DELETE /fapi/v1/algoOrder" -> cancelAlgo(f, params);
            case "POST /fapi/v1/leverage" -> setLeverage(f, params);
            case "GET /fapi/v1/leverageBracket" -> leverageBracket(params);
            case "POST /fapi/v1/marginType" -> setMarginType(f, params);
            case "GET /fapi/v1/positionSide/dual" -> json.createObjectNode().put("dualSidePosition", f.hedge);
            case "GET /fapi/v3/positionRisk" -> positionRisk(f, params);
            case "GET /fapi/v3/account" -> accountInfo(f);
            case "GET /fapi/v3/balance" -> balance(f);
            case "GET /fapi/v1/income" -> income(f, params);
            case "POST /fapi/v1/listenKey" -> {
                if (f.listenKey == null) {
                    f.listenKey = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
                }
                yield json.createObjectNode().put("listenKey", f.listenKey);
            }
            case "PUT /fapi/v1/listenKey" -> {
                if (f.listenKey == null) {
                    throw new MockBinance.Reject(400, -1125, "This listenKey does not exist.");
                }
                yield json.createObjectNode().put("listenKey", f.listenKey);
            }
            default -> throw new MockBinance.Reject(404, -1000, "An unknown error occurred while processing the request.");
        };
    }

    /** The order counts a futures order answer carries ({@code X-MBX-ORDER-COUNT-10S}, {@code -1M}). */
    int[] orderCounts(String apiKey) {
        Fut f = account(apiKey);
        return new int[] {f.count10s, f.countMinute};
    }

    private void countOrder(Fut f) {
        long now = exchange.serverTime();
        if (now / 10_000 != f.count10sWindow) {
            f.count10sWindow = now / 10_000;
            f.count10s = 0;
        }
        if (now / 60_000 != f.countMinuteWindow) {
            f.countMinuteWindow = now / 60_000;
            f.countMinute = 0;
        }
        if (f.count10s >= 300 || f.countMinute >= 1200) {
            throw new MockBinance.Reject(429, -1015, "Too many new orders; current limit is "
                    + (f.count10s >= 300 ? "300 orders per 10 SECOND." : "1200 orders per MINUTE."))
                    .retryAfter((int) ((10_000 - now % 10_000 + 999) / 1000));
        }
        f.count10s++;
        f.countMinute++;
    }

    // ---------------------------------------------------------------- orders

    private JsonNode rules(String symbol) {
        JsonNode rules = symbols.get(symbol);
        if (rules == null) {
            throw new MockBinance.Reject(400, -1121, "Invalid symbol.");
        }
        return rules;
    }

    private static JsonNode filter(JsonNode rules, String type) {
        for (JsonNode f : rules.path("filters")) {
            if (f.path("filterType").asText().equals(type)) {
                return f;
            }
        }
        return json0().createObjectNode();
    }

    private static ObjectMapper json0() {
        return new ObjectMapper();
    }

    private String positionSide(Fut f, Map<String, List<String>> params) {
        String side = MockBinance.first(params, "positionSide");
        side = side == null ? "BOTH" : side;
        if (f.hedge && side.equals("BOTH")) {
            throw new MockBinance.Reject(400, -4061, "Order's position side does not match user's setting.");
        }
        if (!f.hedge && !side.equals("BOTH")) {
            throw new MockBinance.Reject(400, -4061, "Order's position side does not match user's setting.");
        }
        return side;
    }

    private BigDecimal[] positionOf(Fut f, String symbol, String positionSide) {
        return f.positions.computeIfAbsent(symbol + "|" + positionSide, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private JsonNode newOrder(Fut f, Map<String, List<String>> params) {
        String symbol = MockBinance.required(params, "symbol");
        JsonNode rules = rules(symbol);
        String side = MockBinance.required(params, "side");
        String type = MockBinance.required(params, "type");
        if (!type.equals("MARKET") && !type.equals("LIMIT")) {
            // since 2025-12 conditional orders go to the algo service
            throw new MockBinance.Reject(400, -4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");
        }
        String positionSide = positionSide(f, params);
        BigDecimal qty = MockBinance.decimal(params, "quantity");
        if (qty == null) {
            throw new MockBinance.Reject(400, -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.");
        }
        BigDecimal step = new BigDecimal(filter(rules, type.equals("MARKET") ? "MARKET_LOT_SIZE" : "LOT_SIZE").path("stepSize").asText("0.001"));
        if (qty.remainder(step).signum() != 0) {
            throw new MockBinance.Reject(400, -1111, "Precision is over the maximum defined for this asset.");
        }
        BigDecimal price = MockBinance.decimal(params, "price");
        if (type.equals("LIMIT")) {
            if (price == null) {
                throw new MockBinance.Reject(400, -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed.");
            }
            BigDecimal tick = new BigDecimal(filter(rules, "PRICE_FILTER").path("tickSize").asText("0.01"));
            if (price.remainder(tick).signum() != 0) {
                throw new MockBinance.Reject(400, -4014, "Price not increased by tick size.");
            }
        }
        String clientId = MockBinance.first(params, "newClientOrderId");
        if (clientId == null) {
            clientId = "x-" + UUID.randomUUID().toString().substring(0, 20);
        }
        for (MockOrder o : f.orders.values()) {
            if (o.clientOrderId.equals(clientId) && o.isOpen()) {
                throw new MockBinance.Reject(400, -4116, "ClientOrderId is duplicated.");
            }
        }
        boolean reduceOnly = "true".equals(MockBinance.first(params, "reduceOnly"));
        if (f.hedge && reduceOnly) {
            throw new MockBinance.Reject(400, -1106, "Parameter 'reduceOnly' sent when not required.");
        }
        BigDecimal[] book = exchange.book(symbol);
        BigDecimal reference = type.equals("MARKET") ? (side.equals("BUY") ? book[1] : book[0]) : price;
        BigDecimal minNotional = new BigDecimal(filter(rules, "MIN_NOTIONAL").path("notional").asText("0"));
        BigDecimal[] position = positionOf(f, symbol, positionSide);
        BigDecimal signed = side.equals("BUY") ? qty : qty.negate();
        boolean reduces = reduces(f, position, positionSide, side);
        if (reduceOnly && (position[0].signum() == 0 || position[0].signum() == signed.signum()
                || qty.compareTo(position[0].abs()) > 0)) {
            throw new MockBinance.Reject(400, -2022, "ReduceOnly Order is rejected.");
        }
        if (!reduceOnly && !reduces && qty.multiply(reference).compareTo(minNotional) < 0) {
            throw new MockBinance.Reject(400, -4164, "Order's notional must be no smaller than " + minNotional.toPlainString()
                    + " (unless you choose reduce only).");
        }
        if (!reduces && available(f).compareTo(initialMargin(f, symbol, qty, reference)) < 0) {
            throw new MockBinance.Reject(400, -2019, "Margin is insufficient.");
        }
        countOrder(f);
        MockOrder o = new MockOrder();
        o.orderId = nextOrderId++;
        o.symbol = symbol;
        o.clientOrderId = clientId;
        o.side = side;
        o.type = type;
        o.timeInForce = type.equals("LIMIT") ? MockBinance.first(params, "timeInForce") : "GTC";
        o.origQty = qty;
        o.price = type.equals("LIMIT") ? price : BigDecimal.ZERO;
        o.time = exchange.serverTime();
        o.updateTime = o.time;
        o.positionSide = positionSide; // the order's position side
        o.reduceOnly = reduceOnly;
        f.orders.put(o.orderId, o);
        orderUpdate(f, o, "NEW", null, null, null, BigDecimal.ZERO, false);
        boolean marketable = type.equals("MARKET") || (side.equals("BUY") ? price.compareTo(book[1]) >= 0
                : price.compareTo(book[0]) <= 0);
        if (marketable) {
            BigDecimal fillPrice = side.equals("BUY") ? book[1] : book[0];
            execute(f, o, fillPrice, qty, false);
        }
        return orderJson(o);
    }

    private static boolean reduces(Fut f, BigDecimal[] position, String positionSide, String side) {
        if (f.hedge) {
            return positionSide.equals("LONG") ? side.equals("SELL") : side.equals("BUY");
        }
        return position[0].signum() != 0 && (position[0].signum() > 0) == side.equals("SELL");
    }

    private BigDecimal initialMargin(Fut f, String symbol, BigDecimal qty, BigDecimal price) {
        int lev = f.leverage.getOrDefault(symbol, 20);
        return qty.multiply(price).divide(BigDecimal.valueOf(lev), 8, RoundingMode.UP);
    }

    /** Wallet plus unrealised P&L, less the margin positions and open orders hold. */
    private BigDecimal available(Fut f) {
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> e : f.positions.entrySet()) {
            String symbol = e.getKey().substring(0, e.getKey().indexOf('|'));
            BigDecimal[] p = e.getValue();
            used = used.add(initialMargin(f, symbol, p[0].abs(), p[1]));
            unrealized = unrealized.add(mark(symbol).subtract(p[1]).multiply(p[0]));
        }
        for (MockOrder o : f.orders.values()) {
            if (o.isOpen() && o.price != null && o.price.signum() > 0) {
                used = used.add(initialMargin(f, o.symbol, o.origQty.subtract(o.executedQty), o.price));
            }
        }
        return f.wallet.add(unrealized.min(BigDecimal.ZERO)).subtract(used);
    }

    BigDecimal mark(String symbol) {
        BigDecimal[] book = exchange.book(symbol);
        return book[0].add(book[1]).divide(BigDecimal.valueOf(2), 8, RoundingMode.HALF_UP);
    }

    /** One execution: the position moves, realised P&L and the commission go to the wallet, and the stream says so. */
    private void execute(Fut f, MockOrder o, BigDecimal price, BigDecimal qty, boolean maker) {
        BigDecimal[] position = positionOf(f, o.symbol, o.positionSide);
        BigDecimal signed = o.isBuy() ? qty : qty.negate();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal amount = position[0].add(signed);
        if (position[0].signum() == 0 || position[0].signum() == signed.signum()) {
            position[1] = position[0].abs().multiply(position[1]).add(qty.multiply(price))
                    .divide(amount.abs(), 8, RoundingMode.HALF_UP);
        } else {
            BigDecimal closed = qty.min(position[0].abs());
            realized = price.subtract(position[1]).multiply(closed).multiply(BigDecimal.valueOf(position[0].signum()));
            if (amount.signum() != 0 && amount.signum() != position[0].signum()) {
                position[1] = price; // flipped: the rest opens at this price
            } else if (amount.signum() == 0) {
                position[1] = BigDecimal.ZERO;
            }
        }
        position[0] = amount;
        BigDecimal commission = qty.multiply(price).multiply(maker ? MAKER : TAKER).setScale(8, RoundingMode.HALF_UP);
        f.wallet = f.wallet.add(realized).subtract(commission);
        o.executedQty = o.executedQty.add(qty);
        o.cumQuote = o.cumQuote.add(qty.multiply(price));
        o.status = o.executedQty.compareTo(o.origQty) >= 0 ? "FILLED" : "PARTIALLY_FILLED";
        o.updateTime = exchange.serverTime();
        long tradeId = nextTradeId++;
        f.trades.add(json.createObjectNode().put("symbol", o.symbol).put("id", tradeId).put("orderId", o.orderId)
                .put("side", o.side).put("price", price.toPlainString()).put("qty", qty.toPlainString())
                .put("realizedPnl", MockBinance.plain8(realized)).put("quoteQty", MockBinance.plain8(qty.multiply(price)))
                .put("commission", MockBinance.plain8(commission)).put("commissionAsset", "USDT")
                .put("time", o.updateTime).put("positionSide", o.positionSide).put("buyer", o.isBuy())
                .put("maker", maker));
        orderUpdate(f, o, "TRADE", price, qty, tradeId, commission, maker, realized);
        accountUpdate(f, "ORDER", BigDecimal.ZERO, o.symbol);
    }

    /** A trade on the exchange: resting futures orders it crosses fill (as maker) up to its size; triggers fire. */
    void trade(String symbol, BigDecimal price, BigDecimal size) {
        BigDecimal left = size;
        List<Object[]> resting = new ArrayList<>();
        for (Fut f : accounts.values()) {
            for (MockOrder o : f.orders.values()) {
                if (o.symbol.equals(symbol) && o.isOpen() && o.type.equals("LIMIT")
                        && (o.isBuy() ? price.compareTo(o.price) <= 0 : price.compareTo(o.price) >= 0)) {
                    resting.add(new Object[] {f, o});
                }
            }
        }
        resting.sort(java.util.Comparator.comparingLong(r -> ((MockOrder) r[1]).orderId));
        for (Object[] r : resting) {
            MockOrder o = (MockOrder) r[1];
            BigDecimal qty = o.origQty.subtract(o.executedQty).min(left);
            if (qty.signum() > 0) {
                left = left.subtract(qty);
                execute((Fut) r[0], o, o.price, qty, true);
            }
        }
        for (Fut f : accounts.values()) {
            for (ObjectNode algo : new ArrayList<>(f.algoOrders.values())) {
                if (!algo.path("symbol").asText().equals(symbol) || !algo.path("algoStatus").asText().equals("NEW")) {
                    continue;
                }
                BigDecimal trigger = new BigDecimal(algo.path("triggerPrice").asText());
                boolean buy = algo.path("side").asText().equals("BUY");
                boolean stop = algo.path("orderType").asText().equals("STOP_MARKET");
                boolean fires = stop == buy ? price.compareTo(trigger) >= 0 : price.compareTo(trigger) <= 0;
                if (fires) {
                    trigger(f, algo, price);
                }
            }
        }
    }

    private void trigger(Fut f, ObjectNode algo, BigDecimal price) {
        String symbol = algo.path("symbol").asText();
        String positionSide = algo.path("positionSide").asText();
        BigDecimal[] position = positionOf(f, symbol, positionSide);
        BigDecimal qty = algo.path("closePosition").asBoolean() ? position[0].abs()
                : new BigDecimal(algo.path("quantity").asText());
        algo.put("algoStatus", "FINISHED").put("updateTime", exchange.serverTime());
        if (qty.signum() == 0) {
            return;
        }
        MockOrder o = new MockOrder();
        o.orderId = nextOrderId++;
        o.symbol = symbol;
        o.clientOrderId = algo.path("clientAlgoId").asText();
        o.side = algo.path("side").asText();
        o.type = "MARKET";
        o.timeInForce = "GTC";
        o.origQty = qty;
        o.price = BigDecimal.ZERO;
        o.time = exchange.serverTime();
        o.updateTime = o.time;
        o.positionSide = positionSide;
        f.orders.put(o.orderId, o);
        orderUpdate(f, o, "NEW", null, null, null, BigDecimal.ZERO, false);
        execute(f, o, price, qty, false);
    }

    private JsonNode newAlgoOrder(Fut f, Map<String, List<String>> params) {
        if (!"CONDITIONAL".equals(MockBinance.first(params, "algoType"))) {
            throw new MockBinance.Reject(400, -1102, "Mandatory parameter 'algoType' was not sent, was empty/null, or malformed.");
        }
        String symbol = MockBinance.required(params, "symbol");
        rules(symbol);
        String type = MockBinance.required(params, "type");
        if (!type.equals("STOP_MARKET") && !type.equals("TAKE_PROFIT_MARKET")) {
            throw new MockBinance.Reject(400, -1116, "Invalid orderType.");
        }
        BigDecimal trigger = MockBinance.decimal(params, "triggerPrice");
        if (trigger == null) {
            throw new MockBinance.Reject(400, -1102, "Mandatory parameter 'triggerPrice' was not sent, was empty/null, or malformed.");
        }
        boolean close = "true".equals(MockBinance.first(params, "closePosition"));
        BigDecimal qty = MockBinance.decimal(params, "quantity");
        if (close == (qty != null)) {
            throw new MockBinance.Reject(400, -4136, "Target strategy invalid for orderType " + type + ",closePosition " + close);
        }
        String side = MockBinance.required(params, "side");
        BigDecimal[] book = exchange.book(symbol);
        BigDecimal last = mark(symbol);
        boolean stop = type.equals("STOP_MARKET");
        boolean buy = side.equals("BUY");
        if (stop == buy ? last.compareTo(trigger) >= 0 : last.compareTo(trigger) <= 0) {
            throw new MockBinance.Reject(400, -2021, "Order would immediately trigger.");
        }
        String id = MockBinance.first(params, "clientAlgoId");
        if (id == null) {
            id = "algo-" + UUID.randomUUID().toString().substring(0, 20);
        }
        if (f.algoOrders.containsKey(id) && f.algoOrders.get(id).path("algoStatus").asText().equals("NEW")) {
            throw new MockBinance.Reject(400, -4116, "ClientOrderId is duplicated.");
        }
        countOrder(f);
        ObjectNode algo = json.createObjectNode().put("algoId", nextOrderId++).put("clientAlgoId", id)
                .put("algoType", "CONDITIONAL").put("orderType", type).put("symbol", symbol).put("side", side)
                .put("positionSide", positionSide(f, params)).put("timeInForce", "GTC")
                .put("quantity", qty == null ? "0" : qty.toPlainString()).put("algoStatus", "NEW")
                .put("triggerPrice", trigger.toPlainString()).put("price", "0").put("workingType", "CONTRACT_PRICE")
                .put("closePosition", close).put("reduceOnly", "true".equals(MockBinance.first(params, "reduceOnly")))
                .put("createTime", exchange.serverTime()).put("updateTime", exchange.serverTime());
        f.algoOrders.put(id, algo);
        return algo;
    }

    private JsonNode cancelAlgo(Fut f, Map<String, List<String>> params) {
        ObjectNode algo = f.algoOrders.get(MockBinance.required(params, "clientAlgoId"));
        if (algo == null || !algo.path("algoStatus").asText().equals("NEW")) {
            throw new MockBinance.Reject(400, -2011, "Unknown order sent.");
        }
        algo.put("algoStatus", "CANCELED");
        return json.createObjectNode().put("algoId", algo.path("algoId").asLong())
                .put("clientAlgoId", algo.path("clientAlgoId").asText()).put("code", "200").put("msg", "success");
    }

    private MockOrder find(Fut f, Map<String, List<String>> params, int code, String message) {
        String symbol = MockBinance.required(params, "symbol");
        String clientId = MockBinance.first(params, "origClientOrderId");
        String orderId = MockBinance.first(params, "orderId");
        MockOrder found = null;
        for (MockOrder o : f.orders.values()) {
            if (o.symbol.equals(symbol) && (clientId != null ? o.clientOrderId.equals(clientId)
                    : orderId != null && o.orderId == Long.parseLong(orderId))) {
                found = o; // the latest order with that id
            }
        }
        if (found == null) {
            throw new MockBinance.Reject(400, code, message);
        }
        return found;
    }

    private JsonNode cancel(Fut f, Map<String, List<String>> params) {
        MockOrder o = find(f, params, -2011, "Unknown order sent.");
        if (!o.isOpen()) {
            throw new MockBinance.Reject(400, -2011, "Unknown order sent.");
        }
        o.status = "CANCELED";
        o.updateTime = exchange.serverTime();
        orderUpdate(f, o, "CANCELED", null, null, null, BigDecimal.ZERO, false);
        return orderJson(o);
    }

    private JsonNode query(Fut f, Map<String, List<String>> params) {
        return orderJson(find(f, params, -2013, "Order does not exist."));
    }

    private JsonNode openOrders(Fut f, Map<String, List<String>> params) {
        String symbol = MockBinance.first(params, "symbol");
        ArrayNode open = json.createArrayNode();
        f.orders.values().stream().filter(MockOrder::isOpen).filter(o -> symbol == null || o.symbol.equals(symbol))
                .forEach(o -> open.add(orderJson(o)));
        return open;
    }

    private JsonNode userTrades(Fut f, Map<String, List<String>> params) {
        String symbol = MockBinance.required(params, "symbol");
        String orderId = MockBinance.first(params, "orderId");
        ArrayNode rows = json.createArrayNode();
        f.trades.stream().filter(t -> t.path("symbol").asText().equals(symbol))
                .filter(t -> orderId == null || t.path("orderId").asLong() == Long.parseLong(orderId)).forEach(rows::add);
        return rows;
    }

    private ObjectNode orderJson(MockOrder o) {
        BigDecimal avg = o.executedQty.signum() == 0 ? BigDecimal.ZERO
                : o.cumQuote.divide(o.executedQty, 8, RoundingMode.HALF_UP);
        return json.createObjectNode().put("orderId", o.orderId).put("symbol", o.symbol).put("status", o.status)
                .put("clientOrderId", o.clientOrderId).put("price", o.price.toPlainString())
                .put("avgPrice", avg.toPlainString()).put("origQty", o.origQty.toPlainString())
                .put("executedQty", o.executedQty.toPlainString()).put("cumQty", o.executedQty.toPlainString())
                .put("cumQuote", MockBinance.plain8(o.cumQuote)).put("timeInForce", o.timeInForce == null ? "GTC" : o.timeInForce)
                .put("type", o.type).put("origType", o.type).put("reduceOnly", o.reduceOnly).put("closePosition", false)
                .put("side", o.side).put("positionSide", o.positionSide).put("stopPrice", "0")
                .put("workingType", "CONTRACT_PRICE").put("priceProtect", false).put("priceMatch", "NONE")
                .put("selfTradePreventionMode", "EXPIRE_MAKER").put("goodTillDate", 0).put("time", o.time)
                .put("updateTime", o.updateTime);
    }

    // ---------------------------------------------------------------- leverage, margin, positions, account

    private JsonNode setLeverage(Fut f, Map<String, List<String>> params) {
        String symbol = MockBinance.required(params, "symbol");
        rules(symbol);
        int leverage = Integer.parseInt(MockBinance.required(params, "leverage"));
        int max = brackets.getOrDefault(symbol, 50);
        if (leverage < 1 || leverage > max) {
            throw new MockBinance.Reject(400, -4028, "Leverage " + leverage + " is not valid");
        }
        f.leverage.put(symbol, leverage);
        return json.createObjectNode().put("leverage", leverage).put("maxNotionalValue", "1000000").put("symbol", symbol);
    }

    private JsonNode leverageBracket(Map<String, List<String>> params) {
        String symbol = MockBinance.required(params, "symbol");
        rules(symbol);
        int max = brackets.getOrDefault(symbol, 50);
        ArrayNode answer = json.createArrayNode();
        ObjectNode row = answer.addObject().put("symbol", symbol).put("notionalCoef", 1.0);
        ArrayNode list = row.putArray("brackets");
        list.addObject().put("bracket", 1).put("initialLeverage", max).put("notionalCap", 50000).put("notionalFloor", 0)
                .put("maintMarginRatio", MMR.doubleValue()).put("cum", 0.0);
        list.addObject().put("bracket", 2).put("initialLeverage", Math.max(1, max / 2)).put("notionalCap", 500000)
                .put("notionalFloor", 50000).put("maintMarginRatio", 0.005).put("cum", 50.0);
        return answer;
    }

    private JsonNode setMarginType(Fut f, Map<String, List<String>> params) {
        String symbol = MockBinance.required(params, "symbol");
        rules(symbol);
        String type = MockBinance.required(params, "marginType");
        if (!type.equals("ISOLATED") && !type.equals("CROSSED")) {
            throw new MockBinance.Reject(400, -1116, "Invalid marginType.");
        }
        if (type.equals(f.marginType.getOrDefault(symbol, "CROSSED"))) {
            throw new MockBinance.Reject(400, -4046, "No need to change margin type.");
        }
        boolean open = f.positions.entrySet().stream().anyMatch(e -> e.getKey().startsWith(symbol + "|")
                && e.getValue()[0].signum() != 0);
        if (open) {
            throw new MockBinance.Reject(400, -4048, "Margin type cannot be changed if there exists position.");
        }
        f.marginType.put(symbol, type);
        return json.createObjectNode().put("code", 200).put("msg", "success");
    }

    /** Liquidation where margin balance meets maintenance: isolated positions on their own margin, cross on the wallet. */
    private BigDecimal liquidationPrice(Fut f, String symbol, BigDecimal[] p) {
        if (p[0].signum() == 0) {
            return BigDecimal.ZERO;
        }
        int lev = f.leverage.getOrDefault(symbol, 20);
        BigDecimal margin = f.marginType.getOrDefault(symbol, "CROSSED").equals("ISOLATED")
                ? p[0].abs().multiply(p[1]).divide(BigDecimal.valueOf(lev), 8, RoundingMode.HALF_UP) : f.wallet;
        // long: (entry*qty - margin) / (qty*(1-mmr)); short: (entry*qty + margin) / (qty*(1+mmr))
        BigDecimal qty = p[0].abs();
        BigDecimal price = p[0].signum() > 0
                ? p[1].multiply(qty).subtract(margin).divide(qty.multiply(BigDecimal.ONE.subtract(MMR)), 2, RoundingMode.HALF_UP)
                : p[1].multiply(qty).add(margin).divide(qty.multiply(BigDecimal.ONE.add(MMR)), 2, RoundingMode.HALF_UP);
        return price.max(BigDecimal.ZERO);
    }

    private JsonNode positionRisk(Fut f, Map<String, List<String>> params) {
        String only = MockBinance.first(params, "symbol");
        ArrayNode rows = json.createArrayNode();
        f.positions.forEach((key, p) -> {
            String symbol = key.substring(0, key.indexOf('|'));
            if (only != null && !only.equals(symbol) || p[0].signum() == 0) {
                return;
            }
            BigDecimal mark = mark(symbol);
            BigDecimal notional = p[0].multiply(mark);
            boolean isolated = f.marginType.getOrDefault(symbol, "CROSSED").equals("ISOLATED");
            BigDecimal initial = initialMargin(f, symbol, p[0].abs(), mark);
            rows.addObject().put("symbol", symbol).put("positionSide", key.substring(key.indexOf('|') + 1))
                    .put("positionAmt", p[0].toPlainString()).put("entryPrice", p[1].toPlainString())
                    .put("breakEvenPrice", p[1].toPlainString()).put("markPrice", mark.toPlainString())
                    .put("unRealizedProfit", MockBinance.plain8(mark.subtract(p[1]).multiply(p[0])))
                    .put("liquidationPrice", liquidationPrice(f, symbol, p).toPlainString())
                    .put("isolatedMargin", isolated ? MockBinance.plain8(initial) : "0")
                    .put("notional", MockBinance.plain8(notional)).put("marginAsset", "USDT")
                    .put("isolatedWallet", isolated ? MockBinance.plain8(initial) : "0")
                    .put("initialMargin", MockBinance.plain8(initial))
                    .put("maintMargin", MockBinance.plain8(notional.abs().multiply(MMR)))
                    .put("adl", 1).put("updateTime", exchange.serverTime());
        });
        return rows;
    }

    private JsonNode accountInfo(Fut f) {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal maint = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> e : f.positions.entrySet()) {
            String symbol = e.getKey().substring(0, e.getKey().indexOf('|'));
            BigDecimal mark = mark(symbol);
            unrealized = unrealized.add(mark.subtract(e.getValue()[1]).multiply(e.getValue()[0]));
            maint = maint.add(e.getValue()[0].abs().multiply(mark).multiply(MMR));
        }
        return json.createObjectNode().put("totalWalletBalance", MockBinance.plain8(f.wallet))
                .put("totalUnrealizedProfit", MockBinance.plain8(unrealized))
                .put("totalMarginBalance", MockBinance.plain8(f.wallet.add(unrealized)))
                .put("totalMaintMargin", MockBinance.plain8(maint))
                .put("availableBalance", MockBinance.plain8(available(f).max(BigDecimal.ZERO)))
                .put("maxWithdrawAmount", MockBinance.plain8(available(f).max(BigDecimal.ZERO)));
    }

    private JsonNode balance(Fut f) {
        ArrayNode rows = json.createArrayNode();
        rows.addObject().put("accountAlias", "SgsR").put("asset", "USDT").put("balance", MockBinance.plain8(f.wallet))
                .put("crossWalletBalance", MockBinance.plain8(f.wallet)).put("crossUnPnl", "0.00000000")
                .put("availableBalance", MockBinance.plain8(available(f).max(BigDecimal.ZERO)))
                .put("maxWithdrawAmount", MockBinance.plain8(available(f).max(BigDecimal.ZERO)))
                .put("marginAvailable", true).put("updateTime", exchange.serverTime());
        return rows;
    }

    private JsonNode income(Fut f, Map<String, List<String>> params) {
        String symbol = MockBinance.first(params, "symbol");
        String type = MockBinance.first(params, "incomeType");
        String start = MockBinance.first(params, "startTime");
        ArrayNode rows = json.createArrayNode();
        f.income.stream().filter(i -> symbol == null || i.path("symbol").asText().equals(symbol))
                .filter(i -> type == null || i.path("incomeType").asText().equals(type))
                .filter(i -> start == null || i.path("time").asLong() >= Long.parseLong(start)).forEach(rows::add);
        return rows;
    }

    // ---------------------------------------------------------------- funding

    /**
     * Settles funding at {@code rate} on {@code symbol}: each position pays (long, positive rate) or receives
     * {@code |amount| × mark × rate}; booked in the income history and pushed as ACCOUNT_UPDATE FUNDING_FEE.
     */
    void settleFunding(String symbol, BigDecimal rate) {
        long now = exchange.serverTime();
        fundingRates.computeIfAbsent(symbol, s -> new ArrayList<>()).add(json.createObjectNode().put("symbol", symbol)
                .put("fundingRate", rate.toPlainString()).put("fundingTime", now).put("markPrice", mark(symbol).toPlainString()));
        for (Fut f : accounts.values()) {
            BigDecimal payment = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal[]> e : f.positions.entrySet()) {
                if (e.getKey().startsWith(symbol + "|") && e.getValue()[0].signum() != 0) {
                    payment = payment.subtract(e.getValue()[0].multiply(mark(symbol)).multiply(rate));
                }
            }
            if (payment.signum() == 0) {
                continue;
            }
            payment = payment.setScale(8, RoundingMode.HALF_UP);
            f.wallet = f.wallet.add(payment);
            f.income.add(json.createObjectNode().put("symbol", symbol).put("incomeType", "FUNDING_FEE")
                    .put("income", payment.toPlainString()).put("asset", "USDT").put("info", "FUNDING_FEE")
                    .put("time", now).put("tranId", nextTranId++).put("tradeId", ""));
            accountUpdate(f, "FUNDING_FEE", payment, symbol);
        }
    }

    /** Candles of {@code symbol} at {@code interval}, oldest first, as {@code /fapi/v1/klines} rows. */
    private final Map<String, List<ArrayNode>> klines = new HashMap<>();

    /**
     * {@code count} candles of {@code symbol}, {@code interval} long, opening at {@code firstOpen}: a close of
     * {@code 30000 + i} for the {@code i}th, so a test can tell each one.
     */
    synchronized void addKlines(String symbol, String interval, long intervalMillis, long firstOpen, int count) {
        List<ArrayNode> rows = klines.computeIfAbsent(symbol + "|" + interval, k -> new ArrayList<>());
        for (int i = 0; i < count; i++) {
            long open = firstOpen + i * intervalMillis;
            String close = Integer.toString(30000 + i);
            rows.add(json.createArrayNode().add(open).add(close).add(close).add(close).add(close).add("12.5")
                    .add(open + intervalMillis - 1).add("375000.0").add(42).add("6.0").add("180000.0").add("0"));
        }
    }

    /** Like Binance: up to 1500 rows from startTime, none after endTime; a limit outside 1..1500 is -1130. */
    private synchronized JsonNode klines(Map<String, List<String>> params) {
        String symbol = MockBinance.first(params, "symbol");
        if (exchangeInfo.path("symbols").findValues("symbol").stream().noneMatch(v -> v.asText().equals(symbol))) {
            throw new MockBinance.Reject(400, -1121, "Invalid symbol.");
        }
        String limitText = MockBinance.first(params, "limit");
        int limit = limitText == null ? 500 : Integer.parseInt(limitText);
        if (limit < 1 || limit > 1500) {
            throw new MockBinance.Reject(400, -1130, "Data sent for parameter 'limit' is not valid.");
        }
        String startText = MockBinance.first(params, "startTime");
        String endText = MockBinance.first(params, "endTime");
        long start = startText == null ? Long.MIN_VALUE : Long.parseLong(startText);
        long end = endText == null ? Long.MAX_VALUE : Long.parseLong(endText);
        ArrayNode rows = json.createArrayNode();
        for (ArrayNode row : klines.getOrDefault(symbol + "|" + MockBinance.first(params, "interval"), List.of())) {
            long open = row.get(0).asLong();
            if (open >= start && open <= end && rows.size() < limit) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * {@code GET /fapi/v1/fundingRate}: the settlements of {@code symbol} with a funding time in
     * {@code [startTime, endTime]}, oldest first, at most {@code limit} (default 100, 1 to 1000); as Binance does.
     */
    private JsonNode fundingRateHistory(Map<String, List<String>> params) {
        String symbol = MockBinance.first(params, "symbol");
        String start = MockBinance.first(params, "startTime");
        String end = MockBinance.first(params, "endTime");
        String limitText = MockBinance.first(params, "limit");
        int limit = limitText == null ? 100 : Integer.parseInt(limitText);
        if (limit < 1 || limit > 1000) {
            throw new MockBinance.Reject(400, -1130, "Data sent for paramter 'limit' is not valid.");
        }
        long from = start == null ? Long.MIN_VALUE : Long.parseLong(start);
        long to = end == null ? Long.MAX_VALUE : Long.parseLong(end);
        ArrayNode rows = json.createArrayNode();
        for (ObjectNode row : fundingRates.getOrDefault(symbol, List.of())) {
            long time = row.path("fundingTime").asLong();
            if (time >= from && time <= to && rows.size() < limit) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Past settlements of {@code symbol}: {@code rates[k]} at {@code first + k × 8 h} (+3 ms, as Binance stamps). */
    void addFundingHistory(String symbol, long first, String... rates) {
        List<ObjectNode> rows = fundingRates.computeIfAbsent(symbol, s -> new ArrayList<>());
        for (int k = 0; k < rates.length; k++) {
            rows.add(json.createObjectNode().put("symbol", symbol).put("fundingRate", rates[k])
                    .put("fundingTime", first + k * 8 * 3_600_000L + 3).put("markPrice", "30000.00000000"));
        }
    }

    // ---------------------------------------------------------------- user data stream

    WebSocketListener socketFor(String listenKey) {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                synchronized (exchange) {
                    for (Fut f : accounts.values()) {
                        if (listenKey.equals(f.listenKey)) {
                            f.sockets.add(webSocket);
                            return;
                        }
                    }
                }
                webSocket.close(1008, "invalid listenKey");
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
                accounts.values().forEach(f -> f.sockets.remove(webSocket));
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                accounts.values().forEach(f -> f.sockets.remove(webSocket));
            }
        };
    }

    boolean userStreamConnected(String apiKey) {
        return !account(apiKey).sockets.isEmpty();
    }

    /** Ends the account's user data connections unannounced (1011). */
    void dropUserStream(String apiKey) {
        for (WebSocket s : account(apiKey).sockets) {
            s.close(1011, "internal error");
        }
        account(apiKey).sockets.clear();
    }

    void marginCall(String apiKey, String symbol) {
        Fut f = account(apiKey);
        ObjectNode e = json.createObjectNode().put("e", "MARGIN_CALL").put("E", exchange.serverTime())
                .put("cw", MockBinance.plain8(f.wallet));
        ArrayNode p = e.putArray("p");
        f.positions.forEach((key, pos) -> {
            if (key.startsWith(symbol + "|") && pos[0].signum() != 0) {
                BigDecimal mark = mark(symbol);
                p.addObject().put("s", symbol).put("ps", key.substring(key.indexOf('|') + 1))
                        .put("pa", pos[0].toPlainString()).put("mt", f.marginType.getOrDefault(symbol, "CROSSED").toLowerCase())
                        .put("iw", "0").put("mp", mark.toPlainString())
                        .put("up", MockBinance.plain8(mark.subtract(pos[1]).multiply(pos[0])))
                        .put("mm", MockBinance.plain8(pos[0].abs().multiply(mark).multiply(MMR)));
            }
        });
        push(f, e);
    }

    private void orderUpdate(Fut f, MockOrder o, String executionType, BigDecimal lastPrice, BigDecimal lastQty,
            Long tradeId, BigDecimal commission, boolean maker) {
        orderUpdate(f, o, executionType, lastPrice, lastQty, tradeId, commission, maker, BigDecimal.ZERO);
    }

    private void orderUpdate(Fut f, MockOrder o, String executionType, BigDecimal lastPrice, BigDecimal lastQty,
            Long tradeId, BigDecimal commission, boolean maker, BigDecimal realized) {
        long now = exchange.serverTime();
        ObjectNode e = json.createObjectNode().put("e", "ORDER_TRADE_UPDATE").put("E", now).put("T", now);
        BigDecimal avg = o.executedQty.signum() == 0 ? BigDecimal.ZERO
                : o.cumQuote.divide(o.executedQty, 8, RoundingMode.HALF_UP);
        e.putObject("o").put("s", o.symbol).put("c", o.clientOrderId).put("S", o.side).put("o", o.type)
                .put("f", o.timeInForce == null ? "GTC" : o.timeInForce).put("q", o.origQty.toPlainString())
                .put("p", o.price.toPlainString()).put("ap", avg.toPlainString()).put("sp", "0")
                .put("x", executionType).put("X", o.status).put("i", o.orderId)
                .put("l", lastQty == null ? "0" : lastQty.toPlainString()).put("z", o.executedQty.toPlainString())
                .put("L", lastPrice == null ? "0" : lastPrice.toPlainString()).put("N", "USDT")
                .put("n", MockBinance.plain8(commission)).put("T", now).put("t", tradeId == null ? 0 : tradeId)
                .put("b", "0").put("a", "0").put("m", maker).put("R", o.reduceOnly).put("wt", "CONTRACT_PRICE")
                .put("ot", o.type).put("ps", o.positionSide).put("cp", false).put("rp", MockBinance.plain8(realized))
                .put("pP", false).put("si", 0).put("ss", 0).put("V", "EXPIRE_MAKER").put("pm", "NONE").put("gtd", 0);
        push(f, e);
    }

    private void accountUpdate(Fut f, String reason, BigDecimal change, String symbol) {
        long now = exchange.serverTime();
        ObjectNode e = json.createObjectNode().put("e", "ACCOUNT_UPDATE").put("E", now).put("T", now);
        ObjectNode a = e.putObject("a").put("m", reason);
        a.putArray("B").addObject().put("a", "USDT").put("wb", MockBinance.plain8(f.wallet))
                .put("cw", MockBinance.plain8(f.wallet)).put("bc", MockBinance.plain8(change));
        ArrayNode positions = a.putArray("P");
        f.positions.forEach((key, p) -> {
            if (key.startsWith(symbol + "|")) {
                positions.addObject().put("s", symbol).put("pa", p[0].toPlainString()).put("ep", p[1].toPlainString())
                        .put("bep", p[1].toPlainString()).put("cr", "0")
                        .put("up", MockBinance.plain8(mark(symbol).subtract(p[1]).multiply(p[0])))
                        .put("mt", f.marginType.getOrDefault(symbol, "CROSSED").toLowerCase()).put("iw", "0")
                        .put("ps", key.substring(key.indexOf('|') + 1));
            }
        });
        push(f, e);
    }

    private void push(Fut f, ObjectNode event) {
        String text = event.toString();
        for (WebSocket s : f.sockets) {
            s.send(text);
        }
    }
}
