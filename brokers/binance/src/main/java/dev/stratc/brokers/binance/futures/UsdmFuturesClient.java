package dev.stratc.brokers.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.binance.filters.ExchangeInfo;
import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.BinanceHttp;
import dev.stratc.brokers.binance.rest.JsonDecimals;
import dev.stratc.brokers.binance.rest.OrderLimiter;
import dev.stratc.brokers.binance.rest.OrderState;
import dev.stratc.brokers.binance.rest.Trade;
import dev.stratc.brokers.binance.sign.ApiKey;
import dev.stratc.brokers.binance.sign.Params;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's USDⓈ-M futures endpoints. The {@link BinanceHttp} given is for the futures host
 * ({@code https://fapi.binance.com}, testnet {@code https://testnet.binancefuture.com}), which keeps its own
 * weight budget (2400 per minute, not Spot's 6000); orders cost no IP weight but count per account
 * (300 per 10 s, 1200 per minute). Weights as the USDⓈ-M reference lists them (binance-api.md, section 8).
 */
public final class UsdmFuturesClient {
    /** Binance accepts 1 to 125 depending on the symbol's brackets; outside that range nothing is sent. */
    public static final int MAX_LEVERAGE = 125;
    /** -4046: the margin type asked for is already set, which is success for a caller that only wants it set. */
    public static final int NO_NEED_TO_CHANGE_MARGIN_TYPE = -4046;

    private final BinanceHttp http;
    private final ApiKey key;
    private final OrderLimiter orders;

    public UsdmFuturesClient(BinanceHttp http, ApiKey key, OrderLimiter orders) {
        this.http = http;
        this.key = key;
        this.orders = orders;
    }

    public OrderLimiter orderLimiter() {
        return orders;
    }

    public ExchangeInfo exchangeInfo() {
        return ExchangeInfo.parse(http.get("/fapi/v1/exchangeInfo", Params.of(), 1));
    }

    /** Places a MARKET or LIMIT order; the answer (RESULT) says its status and what filled. */
    public OrderState placeOrder(FuturesOrder order) {
        if (order.type().conditional()) {
            return placeConditional(order);
        }
        boolean hedge = !order.positionSide().equals("BOTH");
        Params params = Params.of().add("symbol", order.symbol()).add("side", order.side()).add("type", order.type())
                .add("positionSide", order.positionSide())
                .add("timeInForce", order.type() == FuturesOrder.Type.LIMIT ? "GTC" : null)
                .add("quantity", order.quantity()).add("price", order.price())
                .add("reduceOnly", order.reduceOnly() && !hedge ? "true" : null)
                .add("newClientOrderId", order.clientOrderId()).add("newOrderRespType", "RESULT");
        return futuresState(http.signed("POST", "/fapi/v1/order", params, 0, key, orders));
    }

    /**
     * A STOP_MARKET or TAKE_PROFIT_MARKET order, through the algo service ({@code algoType=CONDITIONAL}): it waits
     * there for its trigger and then sends a market order to the matching engine.
     */
    public OrderState placeConditional(FuturesOrder order) {
        boolean hedge = !order.positionSide().equals("BOTH");
        Params params = Params.of().add("algoType", "CONDITIONAL").add("symbol", order.symbol())
                .add("side", order.side()).add("positionSide", order.positionSide()).add("type", order.type())
                .add("quantity", order.quantity()).add("triggerPrice", order.stopPrice())
                .add("workingType", "CONTRACT_PRICE")
                .add("closePosition", order.closePosition() ? "true" : null)
                .add("reduceOnly", order.reduceOnly() && !hedge ? "true" : null)
                .add("clientAlgoId", order.clientOrderId()).add("newOrderRespType", "RESULT");
        JsonNode a = http.signed("POST", "/fapi/v1/algoOrder", params, 0, key, orders);
        return new OrderState(a.path("symbol").asText(), a.path("algoId").asLong(), a.path("clientAlgoId").asText(),
                "NEW", a.path("orderType").asText(order.type().name()), a.path("side").asText(), BigDecimal.ZERO,
                JsonDecimals.of(a, "quantity"), BigDecimal.ZERO, BigDecimal.ZERO, a.path("updateTime").asLong(), List.of());
    }

    public void cancelConditional(String clientAlgoId) {
        http.signed("DELETE", "/fapi/v1/algoOrder", Params.of().add("clientAlgoId", clientAlgoId), 1, key, null);
    }

    public OrderState cancelOrder(String symbol, String clientOrderId) {
        Params params = Params.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
        return futuresState(http.signed("DELETE", "/fapi/v1/order", params, 1, key, null));
    }

    public OrderState queryOrder(String symbol, String clientOrderId) {
        Params params = Params.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
        return futuresState(http.signed("GET", "/fapi/v1/order", params, 1, key, null));
    }

    /** Working orders of one symbol (weight 1), or of all (weight 40) when {@code symbol} is null. */
    public List<OrderState> openOrders(String symbol) {
        List<OrderState> open = new ArrayList<>();
        for (JsonNode o : http.signed("GET", "/fapi/v1/openOrders", Params.of().add("symbol", symbol),
                symbol == null ? 40 : 1, key, null)) {
            open.add(futuresState(o));
        }
        return open;
    }

    /** The fills of one order ({@code GET /fapi/v1/userTrades}, weight 5). */
    public List<Trade> tradesOfOrder(String symbol, long orderId) {
        List<Trade> trades = new ArrayList<>();
        for (JsonNode t : http.signed("GET", "/fapi/v1/userTrades",
                Params.of().add("symbol", symbol).add("orderId", orderId), 5, key, null)) {
            trades.add(new Trade(t.path("symbol").asText(), t.path("id").asLong(), t.path("orderId").asLong(),
                    JsonDecimals.of(t, "price"), JsonDecimals.of(t, "qty"), JsonDecimals.of(t, "quoteQty"),
                    JsonDecimals.of(t, "commission"), t.path("commissionAsset").asText(), t.path("time").asLong(),
                    t.path("buyer").asBoolean(), t.path("maker").asBoolean()));
        }
        return trades;
    }

    /** Sets the symbol's initial leverage; returns what Binance applied. */
    public int setLeverage(String symbol, int leverage) {
        if (leverage < 1 || leverage > MAX_LEVERAGE) {
            throw new IllegalArgumentException("leverage " + leverage + " for " + symbol + ": Binance allows 1 to "
                    + MAX_LEVERAGE + " (less for large positions)");
        }
        JsonNode answer = http.signed("POST", "/fapi/v1/leverage",
                Params.of().add("symbol", symbol).add("leverage", leverage), 1, key, null);
        return answer.path("leverage").asInt();
    }

    /** The highest initial leverage the symbol's first notional bracket allows ({@code /fapi/v1/leverageBracket}). */
    public int maxLeverage(String symbol) {
        JsonNode answer = http.signed("GET", "/fapi/v1/leverageBracket", Params.of().add("symbol", symbol), 1, key, null);
        JsonNode row = answer.isArray() ? answer.path(0) : answer;
        int max = 0;
        for (JsonNode b : row.path("brackets")) {
            max = Math.max(max, b.path("initialLeverage").asInt());
        }
        return max;
    }

    /** {@code ISOLATED} or {@code CROSSED}; a symbol already so set is no error. */
    public void setMarginType(String symbol, String marginType) {
        try {
            http.signed("POST", "/fapi/v1/marginType", Params.of().add("symbol", symbol).add("marginType", marginType),
                    1, key, null);
        } catch (BinanceApiException e) {
            if (e.code() != NO_NEED_TO_CHANGE_MARGIN_TYPE) {
                throw e;
            }
        }
    }

    /** True when the account is in hedge mode (LONG and SHORT positions per symbol). */
    public boolean hedgeMode() {
        return http.signed("GET", "/fapi/v1/positionSide/dual", Params.of(), 30, key, null)
                .path("dualSidePosition").asBoolean();
    }

    /** Open positions (non-zero amounts), of one symbol or all when {@code symbol} is null. */
    public List<FuturesPosition> positions(String symbol) {
        List<FuturesPosition> positions = new ArrayList<>();
        for (JsonNode p : http.signed("GET", "/fapi/v3/positionRisk", Params.of().add("symbol", symbol), 5, key, null)) {
            BigDecimal amount = JsonDecimals.of(p, "positionAmt");
            if (amount.signum() != 0) {
                positions.add(new FuturesPosition(p.path("symbol").asText(), p.path("positionSide").asText(), amount,
                        JsonDecimals.of(p, "entryPrice"), JsonDecimals.of(p, "markPrice"), JsonDecimals.of(p, "unRealizedProfit"),
                        JsonDecimals.of(p, "liquidationPrice"), JsonDecimals.of(p, "notional"),
                        JsonDecimals.of(p, "maintMargin"), JsonDecimals.of(p, "isolatedWallet")));
            }
        }
        return positions;
    }

    /** The account's totals ({@code GET /fapi/v3/account}, weight 5). */
    public FuturesAccount account() {
        JsonNode a = http.signed("GET", "/fapi/v3/account", Params.of(), 5, key, null);
        return new FuturesAccount(JsonDecimals.of(a, "totalWalletBalance"), JsonDecimals.of(a, "totalMarginBalance"),
                JsonDecimals.of(a, "totalMaintMargin"), JsonDecimals.of(a, "availableBalance"));
    }

    /** Asset balances ({@code GET /fapi/v3/balance}, weight 5): {asset, balance, availableBalance}. */
    public JsonNode balances() {
        return http.signed("GET", "/fapi/v3/balance", Params.of(), 5, key, null);
    }

    /** Funding payments ({@code GET /fapi/v1/income?incomeType=FUNDING_FEE}, weight 30), oldest first. */
    public List<FundingPayment> fundingPayments(String symbol, Long startTime) {
        return fundingPayments(symbol, startTime, INCOME_PAGE);
    }

    /** The most rows one income request returns. */
    public static final int INCOME_PAGE = 1000;

    private List<FundingPayment> fundingPayments(String symbol, Long startTime, int limit) {
        List<FundingPayment> payments = new ArrayList<>();
        for (JsonNode i : http.signed("GET", "/fapi/v1/income", Params.of().add("symbol", symbol)
                .add("incomeType", "FUNDING_FEE").add("startTime", startTime).add("limit", limit), 30, key, null)) {
            payments.add(new FundingPayment(i.path("symbol").asText(), JsonDecimals.of(i, "income"),
                    i.path("asset").asText(), i.path("time").asLong(), i.path("tranId").asText()));
        }
        return payments;
    }

    /** A new listenKey for the user data stream ({@code POST /fapi/v1/listenKey}); valid 60 minutes. */
    public String startUserStream() {
        return http.keyed("POST", "/fapi/v1/listenKey", 1, key).path("listenKey").asText();
    }

    /** Extends the listenKey by 60 minutes; -1125 means it expired and a new one is needed. */
    public void keepAliveUserStream() {
        http.keyed("PUT", "/fapi/v1/listenKey", 1, key);
    }

    /** A futures order answer names the filled quantity {@code executedQty} and its value {@code cumQuote}. */
    static OrderState futuresState(JsonNode o) {
        return new OrderState(o.path("symbol").asText(), o.path("orderId").asLong(), o.path("clientOrderId").asText(),
                o.path("status").asText(), o.path("type").asText(), o.path("side").asText(), JsonDecimals.of(o, "price"),
                JsonDecimals.of(o, "origQty"), JsonDecimals.of(o, "executedQty"), JsonDecimals.of(o, "cumQuote"), o.path("updateTime").asLong(), List.of());
    }
}
