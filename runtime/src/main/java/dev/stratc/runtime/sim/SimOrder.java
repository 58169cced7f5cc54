package dev.stratc.runtime.sim;

import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;

/** One order at the simulated venue. */
final class SimOrder {
    private String clientOrderId;
    private final String brokerOrderId;
    private final String symbol;
    private final Side side;
    private final OrderType type;
    private double quantity;
    private double limitPrice;
    private double filled;
    private double filledValue;
    private OrderStatus status = OrderStatus.OPEN;
    private final boolean marketable;

    SimOrder(String clientOrderId, String brokerOrderId, String symbol, Side side, OrderType type, double quantity,
             double limitPrice, boolean marketable) {
        this.marketable = marketable;
        this.clientOrderId = clientOrderId;
        this.brokerOrderId = brokerOrderId;
        this.symbol = symbol;
        this.side = side;
        this.type = type;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
    }

    /**
     * The price this order fills at against a trade at {@code tradePrice}, or NaN when it does not. A limit
     * order that crossed the last price when it arrived takes (fills at the trade); otherwise it rested in the
     * book and fills at its own limit.
     */
    double fillPrice(double tradePrice) {
        if (type == OrderType.MARKET) {
            return tradePrice;
        }
        if (!crosses(side, limitPrice, tradePrice)) {
            return Double.NaN;
        }
        return marketable ? tradePrice : limitPrice;
    }

    static boolean crosses(Side side, double limitPrice, double price) {
        return side == Side.BUY ? price <= limitPrice : price >= limitPrice;
    }

    boolean marketable() {
        return marketable;
    }

    void fill(double qty, double price) {
        filled += qty;
        filledValue += qty * price;
        status = filled >= quantity - 1e-12 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    void end(OrderStatus finalStatus) {
        status = finalStatus;
    }

    void amend(String newClientOrderId, double newQuantity, double newLimit) {
        clientOrderId = newClientOrderId;
        quantity = newQuantity;
        limitPrice = newLimit;
    }

    String clientOrderId() {
        return clientOrderId;
    }

    String symbol() {
        return symbol;
    }

    Side side() {
        return side;
    }

    OrderType type() {
        return type;
    }

    double quantity() {
        return quantity;
    }

    double limitPrice() {
        return limitPrice;
    }

    double filled() {
        return filled;
    }

    double remaining() {
        return status.isWorking() ? quantity - filled : 0;
    }

    OrderStatus status() {
        return status;
    }

    OrderReport report() {
        return new OrderReport(clientOrderId, brokerOrderId, symbol, side, type, quantity, limitPrice, filled,
                filled > 0 ? filledValue / filled : Double.NaN, status);
    }
}
