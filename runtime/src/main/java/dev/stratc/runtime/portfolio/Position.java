package dev.stratc.runtime.portfolio;

import dev.stratc.strategy.PositionView;

/** One symbol's holding in one account, as the runtime's own books keep it (fills applied in order). */
public final class Position implements PositionView {
    private final String account;
    private final String symbol;
    private double quantity;
    private double entryPrice = Double.NaN;
    private long entryTime = Long.MIN_VALUE;
    private int entryBar = -1;
    private double bestPrice = Double.NaN;
    private double realizedPnl;
    private double commissions;
    private double lastPrice = Double.NaN;

    Position(String account, String symbol) {
        this.account = account;
        this.symbol = symbol;
    }

    /** Applies a fill, realizing profit or loss (before commission) on what it closes. */
    void apply(double signedQuantity, double price, double commission, long time, int barIndex) {
        double realized = 0;
        commissions += commission;
        double next = quantity + signedQuantity;
        if (quantity == 0 || Math.signum(quantity) == Math.signum(signedQuantity)) {
            entryPrice = quantity == 0 ? price : (quantity * entryPrice + signedQuantity * price) / next;
            if (quantity == 0) {
                entryTime = time;
                entryBar = barIndex;
                bestPrice = price;
            }
        } else {
            double closed = Math.min(Math.abs(signedQuantity), Math.abs(quantity));
            realized = closed * (price - entryPrice) * Math.signum(quantity);
            if (Math.abs(next) > 1e-12 && Math.signum(next) != Math.signum(quantity)) {
                entryPrice = price;
                entryTime = time;
                entryBar = barIndex;
                bestPrice = price;
            }
        }
        quantity = Math.abs(next) < 1e-12 ? 0 : next;
        if (quantity == 0) {
            entryPrice = Double.NaN;
            entryTime = Long.MIN_VALUE;
            entryBar = -1;
            bestPrice = Double.NaN;
        }
        realizedPnl += realized;
        lastPrice = price;
    }

    /** Marks the position to a new price and follows the best price since entry (for trailing stops). */
    void mark(double price) {
        lastPrice = price;
        if (quantity > 0 && !(price <= bestPrice)) {
            bestPrice = price;
        } else if (quantity < 0 && !(price >= bestPrice)) {
            bestPrice = price;
        }
    }

    public String account() {
        return account;
    }

    public String symbol() {
        return symbol;
    }

    @Override
    public double quantity() {
        return quantity;
    }

    @Override
    public double entryPrice() {
        return entryPrice;
    }

    @Override
    public long entryTime() {
        return entryTime;
    }

    @Override
    public int entryBar() {
        return entryBar;
    }

    public double bestPrice() {
        return bestPrice;
    }

    public double lastPrice() {
        return lastPrice;
    }

    public double realizedPnl() {
        return realizedPnl;
    }

    public double commissions() {
        return commissions;
    }

    public double unrealizedPnl() {
        return quantity == 0 || Double.isNaN(lastPrice) ? 0 : quantity * (lastPrice - entryPrice);
    }

    /** The position's market value, signed. */
    public double value() {
        return quantity == 0 || Double.isNaN(lastPrice) ? 0 : quantity * lastPrice;
    }
}
