package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.HighLowRange;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Stochastic %K: where the close sits in the high-low range of the last {@code length} bars, 0 to 100
 * (ta4j's StochasticOscillatorKIndicator). Partial ranges while fewer bars exist; na when the range is empty.
 */
public final class StochK extends StreamingIndicator {
    private final int length;
    private final HighLowRange range;

    public StochK(int length) {
        requireLength("stoch_k", "length", length, 1);
        this.length = length;
        this.range = new HighLowRange(length);
    }

    public double update(int bar, double high, double low, double close) {
        enter(bar);
        range.include(high, low);
        double lowestLow = range.lowestLow();
        return ratio(close - lowestLow, range.highestHigh() - lowestLow) * 100.0;
    }

    public int warmup() {
        return length - 1;
    }

    @Override
    protected void commit() {
        range.commit();
    }
}
