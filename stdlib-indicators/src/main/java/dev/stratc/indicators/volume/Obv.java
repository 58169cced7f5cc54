package dev.stratc.indicators.volume;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * On-balance volume (ta4j's OnBalanceVolumeIndicator): a running total that adds the bar's volume when the
 * close rose and subtracts it when it fell; 0 on the first bar.
 */
public final class Obv extends StreamingIndicator {
    private double previousClose = Double.NaN;
    private double previousTotal;
    private double close = Double.NaN;
    private double total;

    public double update(int bar, double close, double volume) {
        enter(bar);
        this.close = close;
        if (index() == 0) {
            total = 0.0;
        } else if (previousClose > close) {
            total = previousTotal - volume;
        } else if (previousClose < close) {
            total = previousTotal + volume;
        } else {
            total = previousTotal;
        }
        return total;
    }

    public int warmup() {
        return 0;
    }

    @Override
    protected void commit() {
        previousClose = close;
        previousTotal = total;
    }
}
