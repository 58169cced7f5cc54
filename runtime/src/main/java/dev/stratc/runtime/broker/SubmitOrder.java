package dev.stratc.runtime.broker;

import java.util.Objects;

/**
 * A new order. The client order id is chosen by the runtime, unique and stable across restarts: a broker that
 * already knows the id must refuse the order ({@link RejectReason#DUPLICATE_CLIENT_ORDER_ID}), never open a
 * second one.
 *
 * @param limitPrice   the limit, {@code NaN} for a market order
 * @param touchedPrice for the market exit a declarative stop triggered, the price the market touched the stop
 *                     at ({@code NaN} otherwise): the built-in simulated exchange fills it there, as a stop
 *                     resting at the venue would have filled; real brokers ignore it
 */
public record SubmitOrder(String clientOrderId, String symbol, Side side, OrderType type, double quantity,
                          double limitPrice, TimeInForce timeInForce, double touchedPrice) {

    public SubmitOrder(String clientOrderId, String symbol, Side side, OrderType type, double quantity,
                       double limitPrice, TimeInForce timeInForce) {
        this(clientOrderId, symbol, side, type, quantity, limitPrice, timeInForce, Double.NaN);
    }

    public SubmitOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (!(quantity > 0)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be positive, was " + quantity);
        }
        if (type == OrderType.LIMIT && !(limitPrice > 0)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a limit order needs a positive price");
        }
    }

    public static SubmitOrder market(String clientOrderId, String symbol, Side side, double quantity) {
        return new SubmitOrder(clientOrderId, symbol, side, OrderType.MARKET, quantity, Double.NaN, TimeInForce.DAY);
    }

    public static SubmitOrder limit(String clientOrderId, String symbol, Side side, double quantity, double price) {
        return new SubmitOrder(clientOrderId, symbol, side, OrderType.LIMIT, quantity, price, TimeInForce.DAY);
    }
}
