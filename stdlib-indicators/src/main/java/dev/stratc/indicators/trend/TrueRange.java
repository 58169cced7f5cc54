package dev.stratc.indicators.trend;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * True range: the largest of high - low, |high - previous close| and |low - previous close|; on the first bar
 * high - low (ta4j's TRIndicator).
 */
public final class TrueRange extends StreamingIndicator {
    private double previousClose = Double.NaN;
    private double close = Double.NaN;

    public double update(int bar, double high, double low, double close) {
        enter(bar);
        this.close = close;
        double range = Math.abs(high - low);
        if (index() == 0) {
            return range;
        }
        return Math.max(range, Math.max(Math.abs(high - previousClose), Math.abs(previousClose - low)));
    }

    public int warmup() {
        return 0;
    }

    @Override
    protected void commit() {
        previousClose = close;
    }
}
