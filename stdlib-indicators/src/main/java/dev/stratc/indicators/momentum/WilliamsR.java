package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.HighLowRange;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Williams %R, -100 to 0: how far the close is below the highest high of the last {@code length} bars, in
 * percent of the range (ta4j's WilliamsRIndicator). Partial ranges while fewer bars exist; na when the range
 * is zero.
 */
public final class WilliamsR extends StreamingIndicator {
    private final int length;
    private final HighLowRange range;

    public WilliamsR(int length) {
        requireLength("williams_r", "length", length, 1);
        this.length = length;
        this.range = new HighLowRange(length);
    }

    public double update(int bar, double high, double low, double close) {
        enter(bar);
        range.include(high, low);
        double highestHigh = range.highestHigh();
        return ratio(highestHigh - close, highestHigh - range.lowestLow()) * -100.0;
    }

    public int warmup() {
        return length - 1;
    }

    @Override
    protected void commit() {
        range.commit();
    }
}
