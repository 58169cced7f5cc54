package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.MonotonicExtreme;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Stochastic %K: where the close sits in the high-low range of the last {@code length} bars, 0 to 100
 * (ta4j's StochasticOscillatorKIndicator). Partial ranges while fewer bars exist; na when the range is empty.
 */
public final class StochK extends StreamingIndicator {
    private final int length;
    private final MonotonicExtreme highest;
    private final MonotonicExtreme lowest;
    private double high = Double.NaN;
    private double low = Double.NaN;

    public StochK(int length) {
        requireLength("stoch_k", "length", length, 1);
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
        return ratio(close - lowestLow, highestHigh - lowestLow) * 100.0;
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
