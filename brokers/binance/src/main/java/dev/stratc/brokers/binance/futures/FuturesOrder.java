package dev.stratc.brokers.binance.futures;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order for {@code POST /fapi/v1/order} in one-way position mode ({@code positionSide=BOTH}).
 *
 * @param reduceOnly only reduce the position, never open or flip it
 */
public record FuturesOrder(String symbol, Side side, Type type, BigDecimal quantity, BigDecimal price,
        boolean reduceOnly, String clientOrderId) {

    public enum Side { BUY, SELL }

    public enum Type { MARKET, LIMIT }

    public FuturesOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("a futures order needs a positive quantity");
        }
        if ((type == Type.LIMIT) != (price != null)) {
            throw new IllegalArgumentException(type == Type.LIMIT ? "a LIMIT order needs a price" : "a MARKET order has no price");
        }
        dev.stratc.brokers.binance.order.NewOrder.requireClientOrderId(clientOrderId);
    }

    public static FuturesOrder market(String symbol, Side side, BigDecimal quantity, boolean reduceOnly, String id) {
        return new FuturesOrder(symbol, side, Type.MARKET, quantity, null, reduceOnly, id);
    }

    public static FuturesOrder limit(String symbol, Side side, BigDecimal quantity, BigDecimal price, String id) {
        return new FuturesOrder(symbol, side, Type.LIMIT, quantity, price, false, id);
    }
}
