package dev.stratc.brokers.binance.futures;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order for {@code POST /fapi/v1/order} (MARKET, LIMIT) or, for the conditional types, for
 * {@code POST /fapi/v1/algoOrder} (STOP_MARKET, TAKE_PROFIT_MARKET), which Binance requires for them since
 * December 2025.
 *
 * @param positionSide {@code BOTH} in one-way mode; {@code LONG} or {@code SHORT} in hedge mode
 * @param reduceOnly   only reduce the position, never open or flip it (not sent in hedge mode, where the
 *                     position side already says so)
 * @param stopPrice    the trigger of a conditional order; null otherwise
 * @param closePosition a conditional order that closes the whole position when triggered (no quantity)
 */
public record FuturesOrder(String symbol, Side side, Type type, BigDecimal quantity, BigDecimal price,
        boolean reduceOnly, String clientOrderId, String positionSide, BigDecimal stopPrice, boolean closePosition) {

    public enum Side { BUY, SELL }

    public enum Type {
        MARKET, LIMIT, STOP_MARKET, TAKE_PROFIT_MARKET;

        public boolean conditional() {
            return this == STOP_MARKET || this == TAKE_PROFIT_MARKET;
        }
    }

    public FuturesOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        positionSide = positionSide == null ? "BOTH" : positionSide;
        if (!positionSide.equals("BOTH") && !positionSide.equals("LONG") && !positionSide.equals("SHORT")) {
            throw new IllegalArgumentException("positionSide is BOTH, LONG or SHORT, not " + positionSide);
        }
        if (closePosition) {
            if (!type.conditional() || quantity != null || reduceOnly) {
                throw new IllegalArgumentException("closePosition is for a STOP_MARKET or TAKE_PROFIT_MARKET order,"
                        + " without a quantity or reduceOnly");
            }
        } else if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("a futures order needs a positive quantity");
        }
        if ((type == Type.LIMIT) != (price != null)) {
            throw new IllegalArgumentException(type == Type.LIMIT ? "a LIMIT order needs a price" : "only a LIMIT order has a price");
        }
        if (type.conditional() != (stopPrice != null && stopPrice.signum() > 0)) {
            throw new IllegalArgumentException(type.conditional() ? "a " + type + " order needs a stop price"
                    : "a " + type + " order has no stop price");
        }
        dev.stratc.brokers.binance.order.NewOrder.requireClientOrderId(clientOrderId);
    }

    public static FuturesOrder market(String symbol, Side side, BigDecimal quantity, boolean reduceOnly, String id) {
        return new FuturesOrder(symbol, side, Type.MARKET, quantity, null, reduceOnly, id, "BOTH", null, false);
    }

    public static FuturesOrder limit(String symbol, Side side, BigDecimal quantity, BigDecimal price, String id) {
        return new FuturesOrder(symbol, side, Type.LIMIT, quantity, price, false, id, "BOTH", null, false);
    }

    /** A stop (STOP_MARKET) or take-profit (TAKE_PROFIT_MARKET) that closes the whole one-way position. */
    public static FuturesOrder closeAt(String symbol, Side side, Type type, BigDecimal stopPrice, String id) {
        return new FuturesOrder(symbol, side, type, null, null, false, id, "BOTH", stopPrice, true);
    }

    public FuturesOrder withPositionSide(String side) {
        return new FuturesOrder(symbol, this.side, type, quantity, price, !side.equals("BOTH") ? false : reduceOnly,
                clientOrderId, side, stopPrice, closePosition);
    }

    public FuturesOrder withQuantity(BigDecimal newQuantity) {
        return new FuturesOrder(symbol, side, type, newQuantity, price, reduceOnly, clientOrderId, positionSide,
                stopPrice, closePosition);
    }

    public FuturesOrder withPrice(BigDecimal newPrice) {
        return new FuturesOrder(symbol, side, type, quantity, newPrice, reduceOnly, clientOrderId, positionSide,
                stopPrice, closePosition);
    }
}
