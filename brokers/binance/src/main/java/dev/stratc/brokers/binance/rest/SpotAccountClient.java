package dev.stratc.brokers.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.binance.order.NewOrder;
import dev.stratc.brokers.binance.sign.ApiKey;
import dev.stratc.brokers.binance.sign.Params;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The signed Spot endpoints of one account (a main account or a sub-account: each has its own key and its own
 * order-count limits, and shares the host's weight budget with the others).
 */
public final class SpotAccountClient {
    private final BinanceHttp http;
    private final ApiKey key;
    private final OrderLimiter orders;

    public SpotAccountClient(BinanceHttp http, ApiKey key, OrderLimiter orders) {
        this.http = http;
        this.key = key;
        this.orders = orders;
    }

    public ApiKey key() {
        return key;
    }

    public OrderLimiter orderLimiter() {
        return orders;
    }

    /**
     * Places the order (FULL answer). When the outcome is unknown (timeout, 5XX), the order is looked up by its
     * client id: what Binance has is the truth, and a missing order is reported as the original failure.
     */
    public OrderState placeOrder(NewOrder order) {
        Params params = orderParams(order, Params.of().add("symbol", order.symbol()).add("side", order.side())
                .add("type", order.type()));
        try {
            return OrderState.parse(http.signed("POST", "/api/v3/order", params, 1, key, orders));
        } catch (UncheckedIOException e) {
            return recover(order, e);
        } catch (BinanceApiException e) {
            if (!e.outcomeUnknown()) {
                throw e;
            }
            return recover(order, e);
        }
    }

    /**
     * Cancels {@code cancelClientOrderId} and places {@code replacement} in one request
     * ({@code POST /api/v3/order/cancelReplace}, STOP_ON_FAILURE: nothing is placed if the cancel fails).
     *
     * @return the new order
     * @throws BinanceApiException -2022 when the cancel failed (the message carries the cancel's own error, e.g.
     *                             -2011), -2021 when the cancel succeeded but the new order was refused
     */
    public OrderState cancelReplace(String cancelClientOrderId, NewOrder replacement) {
        Params params = orderParams(replacement, Params.of().add("symbol", replacement.symbol())
                .add("side", replacement.side()).add("type", replacement.type())
                .add("cancelReplaceMode", "STOP_ON_FAILURE").add("cancelOrigClientOrderId", cancelClientOrderId));
        JsonNode answer = http.signed("POST", "/api/v3/order/cancelReplace", params, 1, key, orders);
        return OrderState.parse(answer.path("newOrderResponse"));
    }

    private static Params orderParams(NewOrder order, Params params) {
        return params.add("timeInForce", order.timeInForce()).add("quantity", order.quantity())
                .add("quoteOrderQty", order.quoteOrderQty()).add("price", order.price())
                .add("newClientOrderId", order.clientOrderId()).add("stopPrice", order.stopPrice())
                .add("newOrderRespType", "FULL");
    }

    private OrderState recover(NewOrder order, RuntimeException failure) {
        try {
            return queryOrder(order.symbol(), order.clientOrderId());
        } catch (BinanceApiException lookup) {
            if (lookup.code() == BinanceApiException.NO_SUCH_ORDER) {
                throw failure;
            }
            failure.addSuppressed(lookup);
            throw failure;
        }
    }

    public OrderState cancelOrder(String symbol, String clientOrderId) {
        Params params = Params.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
        return OrderState.parse(http.signed("DELETE", "/api/v3/order", params, 1, key, null));
    }

    public OrderState queryOrder(String symbol, String clientOrderId) {
        Params params = Params.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
        return OrderState.parse(http.signed("GET", "/api/v3/order", params, 4, key, null));
    }

    /** Open orders of one symbol, or of all symbols when {@code symbol} is null (weight 80: use sparingly). */
    public List<OrderState> openOrders(String symbol) {
        List<OrderState> open = new ArrayList<>();
        JsonNode list = http.signed("GET", "/api/v3/openOrders", Params.of().add("symbol", symbol),
                symbol == null ? 80 : 6, key, null);
        list.forEach(o -> open.add(OrderState.parse(o)));
        return open;
    }

    /** Non-zero balances of the Spot account. */
    public List<Balance> balances() {
        JsonNode account = http.signed("GET", "/api/v3/account", Params.of().add("omitZeroBalances", true), 20, key, null);
        List<Balance> balances = new ArrayList<>();
        for (JsonNode b : account.path("balances")) {
            balances.add(new Balance(b.path("asset").asText(), JsonDecimals.of(b, "free"), JsonDecimals.of(b, "locked")));
        }
        return balances;
    }

    /** The account's trades in {@code symbol}, from trade id {@code fromId} on (null: the most recent). */
    public List<Trade> myTrades(String symbol, Long fromId, int limit) {
        return trades(Params.of().add("symbol", symbol).add("fromId", fromId).add("limit", limit), 20);
    }

    /** The fills of one order (weight 5). */
    public List<Trade> tradesOfOrder(String symbol, long orderId) {
        return trades(Params.of().add("symbol", symbol).add("orderId", orderId), 5);
    }

    private List<Trade> trades(Params params, int weight) {
        List<Trade> trades = new ArrayList<>();
        for (JsonNode t : http.signed("GET", "/api/v3/myTrades", params, weight, key, null)) {
            trades.add(new Trade(t.path("symbol").asText(), t.path("id").asLong(), t.path("orderId").asLong(),
                    JsonDecimals.of(t, "price"), JsonDecimals.of(t, "qty"), JsonDecimals.of(t, "quoteQty"),
                    JsonDecimals.of(t, "commission"), t.path("commissionAsset").asText(), t.path("time").asLong(),
                    t.path("isBuyer").asBoolean(), t.path("isMaker").asBoolean()));
        }
        return trades;
    }
}
