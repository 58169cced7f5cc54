package dev.stratc.runtime.portfolio;

import dev.stratc.strategy.PositionView;

/**
 * One symbol's holding in one account that the strategy opened, as the runtime's own books keep it (fills
 * applied in order). Holdings the run did not open are not here: see {@link Holding}.
 */
public final class Position implements PositionView {
    private final String account;
    private final String symbol;
    private double quantity;
    private double entryPrice = Double.NaN;
    private long entryTime = Long.MIN_VALUE;
    private int entryBar = -1;
    private double bestPrice = Double.NaN;
    /** Entries of a pyramided position: fills that add to it, counted once per bar. */
    private int entries;
    private double firstEntryPrice = Double.NaN;
    private double lastEntryPrice = Double.NaN;
    private int lastEntryBar = -1;
    private double realizedPnl;
    private double commissions;
    private double lastPrice = Double.NaN;

    Position(String account, String symbol) {
        this.account = account;
        this.symbol = symbol;
    }

    /**
     * Applies a fill, realizing profit or loss on what it closes.
     *
     * @param signedQuantity what the fill leaves added to the holding (a fee taken in the asset itself already
     *                       subtracted)
     * @param commission     every fee and tax of the fill, valued in the quote currency
     */
    void apply(double signedQuantity, double price, double commission, long time, int barIndex) {
        double realized = 0;
        commissions += commission;
        double next = quantity + signedQuantity;
        if (quantity == 0 || Math.signum(quantity) == Math.signum(signedQuantity)) {
            entryPrice = quantity == 0 || Double.isNaN(entryPrice) ? price
                    : (quantity * entryPrice + signedQuantity * price) / next;
            if (quantity == 0) {
                entryTime = time;
                entryBar = barIndex;
                bestPrice = price;
                entries = 1;
                firstEntryPrice = price;
            } else if (barIndex != lastEntryBar) {
                entries++;
            }
            lastEntryPrice = price;
            lastEntryBar = barIndex;
        } else {
            double closed = Math.min(Math.abs(signedQuantity), Math.abs(quantity));
            realized = Double.isNaN(entryPrice) ? 0 : closed * (price - entryPrice) * Math.signum(quantity);
            if (Math.abs(next) > 1e-12 && Math.signum(next) != Math.signum(quantity)) {
                entryPrice = price;
                entryTime = time;
                entryBar = barIndex;
                bestPrice = price;
                entries = 1;
                firstEntryPrice = price;
                lastEntryPrice = price;
                lastEntryBar = barIndex;
            }
        }
        settle(next);
        realizedPnl += realized - commission;
        lastPrice = price;
    }

    /**
     * Sets the holding to what the broker says without a trade (reconciliation): no cash moves and nothing is
     * realized. An unknown {@code price} (NaN) leaves the entry to be set by the first price seen.
     */
    void adjustTo(double newQuantity, double price, long time, int barIndex) {
        if (quantity == 0 || Math.signum(newQuantity) != Math.signum(quantity)) {
            entryPrice = price;
            entryTime = time;
            entryBar = barIndex;
            bestPrice = price;
        } else if (Math.abs(newQuantity) > Math.abs(quantity) && !Double.isNaN(price) && !Double.isNaN(entryPrice)) {
            entryPrice = (quantity * entryPrice + (newQuantity - quantity) * price) / newQuantity;
        }
        settle(newQuantity);
        if (Double.isNaN(lastPrice)) {
            lastPrice = price;
        }
    }

    /**
     * Gives up what is left (dust too small to trade): the remainder is realized at {@code price} (the last
     * price when NaN) and the position is closed; returns the quantity given up.
     */
    double dispose(double price) {
        double left = quantity;
        double at = Double.isNaN(price) ? lastPrice : price;
        if (!Double.isNaN(at) && !Double.isNaN(entryPrice)) {
            realizedPnl += left * (at - entryPrice);
        }
        settle(0);
        return left;
    }

    private void settle(double next) {
        quantity = Math.abs(next) < 1e-12 ? 0 : next;
        if (quantity == 0) {
            entryPrice = Double.NaN;
            entryTime = Long.MIN_VALUE;
            entryBar = -1;
            bestPrice = Double.NaN;
            entries = 0;
            firstEntryPrice = Double.NaN;
            lastEntryPrice = Double.NaN;
            lastEntryBar = -1;
        }
    }

    @Override
    public int entries() {
        return quantity == 0 ? 0 : Math.max(1, entries);
    }

    @Override
    public double firstEntryPrice() {
        return quantity == 0 ? Double.NaN : Double.isNaN(firstEntryPrice) ? entryPrice : firstEntryPrice;
    }

    @Override
    public double lastEntryPrice() {
        return quantity == 0 ? Double.NaN : Double.isNaN(lastEntryPrice) ? entryPrice : lastEntryPrice;
    }

    @Override
    public int lastEntryBar() {
        return quantity == 0 ? -1 : lastEntryBar >= 0 ? lastEntryBar : entryBar;
    }

    /**
     * Marks the position to a new price and follows the best price since entry (for trailing stops). A holding
     * adopted without a known cost takes the first price seen as its entry.
     */
    void mark(double price) {
        lastPrice = price;
        if (quantity != 0 && Double.isNaN(entryPrice)) {
            entryPrice = price;
        }
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

    /** Profit or loss realized on this symbol, net of every commission and tax paid on its fills. */
    public double realizedPnl() {
        return realizedPnl;
    }

    /** Commissions and taxes paid on this symbol's fills, in the quote currency. */
    public double commissions() {
        return commissions;
    }

    /** Profit or loss on what is held at the last price; NaN while the entry or the price is unknown. */
    public double unrealizedPnl() {
        if (quantity == 0) {
            return 0;
        }
        return quantity * (lastPrice - entryPrice);
    }

    /** The position's market value, signed; 0 while no price is known (an unknown price never poisons equity). */
    public double value() {
        return quantity == 0 || Double.isNaN(lastPrice) ? 0 : quantity * lastPrice;
    }
}
