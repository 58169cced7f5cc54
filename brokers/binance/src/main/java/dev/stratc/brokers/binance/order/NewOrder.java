package dev.stratc.brokers.binance.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A Spot order as sent to {@code POST /api/v3/order}. The factories require exactly the parameters each type
 * needs, so a malformed order cannot be built (Binance would answer -1102 or -1106).
 *
 * @param quantity      base-asset quantity; {@code null} only for a MARKET order by {@code quoteOrderQty}
 * @param quoteOrderQty quote-asset amount to spend or receive (MARKET only), else {@code null}
 * @param price         limit price, {@code null} for MARKET
 * @param stopPrice     trigger price of STOP_LOSS_LIMIT / TAKE_PROFIT_LIMIT, else {@code null}
 * @param clientOrderId our id ({@code newClientOrderId}), the key that finds the order again after any failure
 */
public record NewOrder(
        String symbol,
        Side side,
        Type type,
        TimeInForce timeInForce,
        BigDecimal quantity,
        BigDecimal quoteOrderQty,
        BigDecimal price,
        BigDecimal stopPrice,
        String clientOrderId) {

    public enum Side { BUY, SELL }

    public enum Type { MARKET, LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT }

    public enum TimeInForce { GTC, IOC, FOK }

    private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");

    /** Binance's rule for client order ids, Spot and futures alike. */
    public static void requireClientOrderId(String clientOrderId) {
        if (clientOrderId == null || !CLIENT_ID.matcher(clientOrderId).matches()) {
            throw new IllegalArgumentException("clientOrderId must be 1-36 of [.A-Z:/a-z0-9_-]: " + clientOrderId);
        }
    }

    public NewOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        requireClientOrderId(clientOrderId);
        boolean hasQuantity = quantity != null;
        boolean hasQuote = quoteOrderQty != null;
        if (type == Type.MARKET ? hasQuantity == hasQuote : !hasQuantity || hasQuote) {
            throw new IllegalArgumentException(type == Type.MARKET
                    ? "a MARKET order needs either quantity or quoteOrderQty, not both or neither"
                    : type + " needs a quantity and no quoteOrderQty");
        }
        if ((type == Type.MARKET) != (price == null)) {
            throw new IllegalArgumentException(type == Type.MARKET ? "a MARKET order has no price" : type + " needs a price");
        }
        boolean stopType = type == Type.STOP_LOSS_LIMIT || type == Type.TAKE_PROFIT_LIMIT;
        if (stopType != (stopPrice != null)) {
            throw new IllegalArgumentException(stopType ? type + " needs a stopPrice" : type + " has no stopPrice");
        }
        boolean needsTif = type == Type.LIMIT || stopType;
        if (needsTif != (timeInForce != null)) {
            throw new IllegalArgumentException(needsTif ? type + " needs a timeInForce" : type + " takes no timeInForce");
        }
        requirePositive(quantity, "quantity");
        requirePositive(quoteOrderQty, "quoteOrderQty");
        requirePositive(price, "price");
        requirePositive(stopPrice, "stopPrice");
    }

    public static NewOrder market(String symbol, Side side, BigDecimal quantity, String clientOrderId) {
        return new NewOrder(symbol, side, Type.MARKET, null, quantity, null, null, null, clientOrderId);
    }

    /** A MARKET order for an amount of the quote asset, e.g. "buy 100 USDT worth of BTC". */
    public static NewOrder marketQuote(String symbol, Side side, BigDecimal quoteOrderQty, String clientOrderId) {
        return new NewOrder(symbol, side, Type.MARKET, null, null, quoteOrderQty, null, null, clientOrderId);
    }

    public static NewOrder limit(String symbol, Side side, BigDecimal quantity, BigDecimal price, TimeInForce tif,
            String clientOrderId) {
        return new NewOrder(symbol, side, Type.LIMIT, tif, quantity, null, price, null, clientOrderId);
    }

    /** A post-only limit order: rejected (-2010) instead of taking liquidity. */
    public static NewOrder limitMaker(String symbol, Side side, BigDecimal quantity, BigDecimal price, String clientOrderId) {
        return new NewOrder(symbol, side, Type.LIMIT_MAKER, null, quantity, null, price, null, clientOrderId);
    }

    public static NewOrder stopLossLimit(String symbol, Side side, BigDecimal quantity, BigDecimal price,
            BigDecimal stopPrice, String clientOrderId) {
        return new NewOrder(symbol, side, Type.STOP_LOSS_LIMIT, TimeInForce.GTC, quantity, null, price, stopPrice,
                clientOrderId);
    }

    public static NewOrder takeProfitLimit(String symbol, Side side, BigDecimal quantity, BigDecimal price,
            BigDecimal stopPrice, String clientOrderId) {
        return new NewOrder(symbol, side, Type.TAKE_PROFIT_LIMIT, TimeInForce.GTC, quantity, null, price, stopPrice,
                clientOrderId);
    }

    public NewOrder withQuantities(BigDecimal newQuantity, BigDecimal newPrice, BigDecimal newStopPrice) {
        return new NewOrder(symbol, side, type, timeInForce, newQuantity, quoteOrderQty, newPrice, newStopPrice,
                clientOrderId);
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value.toPlainString());
        }
    }
}
