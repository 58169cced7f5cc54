package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.MonotonicExtreme;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Williams %R, -100 to 0: how far the close is below the highest high of the last {@code length} bars, in
 * percent of the range (ta4j's WilliamsRIndicator). Partial ranges while fewer bars exist; na when the range
 * is zero.
 */
public final class WilliamsR extends StreamingIndicator {
    private final int length;
    private final MonotonicExtreme highest;
    private final MonotonicExtreme lowest;
    private double high = Double.NaN;
    private double low = Double.NaN;

    public WilliamsR(int length) {
        requireLength("williams_r", "length", length, 1);
        this.length = length;
        this.highest = new MonotonicExtreme(length, true);
        this.lowest = new MonotonicExtreme(length, false);
    }

    public double update(int bar, double high, double low, double close) {
        enter(bar);
        this.high = high;
        this.low = low;
        double highestHigh = highest.extremeWith(high);
        double lowestLow = lowest.extremeWith(low);
        return ratio(highestHigh - close, highestHigh - lowestLow) * -100.0;
    }

    public int warmup() {
        return length - 1;
    }

    @Override
    protected void commit() {
        highest.push(index(), high);
        lowest.push(index(), low);
    }
}
