package dev.stratc.indicators.candles;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Engulfing patterns (ta4j's BullishEngulfingIndicator / BearishEngulfingIndicator): the body of this bar
 * engulfs the opposite-coloured body of the previous bar. Never on the first bar.
 */
public abstract class Engulfing extends StreamingIndicator {
    private double previousOpen = Double.NaN;
    private double previousClose = Double.NaN;
    private double open = Double.NaN;
    private double close = Double.NaN;

    public boolean update(int bar, double open, double close) {
        enter(bar);
        this.open = open;
        this.close = close;
        return index() > 0 && engulfs(previousOpen, previousClose, open, close);
    }

    abstract boolean engulfs(double previousOpen, double previousClose, double open, double close);

    public int warmup() {
        return 1;
    }

    @Override
    protected void commit() {
        previousOpen = open;
        previousClose = close;
    }
}
