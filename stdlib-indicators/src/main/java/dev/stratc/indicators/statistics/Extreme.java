package dev.stratc.indicators.statistics;

import dev.stratc.indicators.core.MonotonicExtreme;
import dev.stratc.indicators.core.StreamingIndicator;

/** The highest or lowest value of the last {@code length} bars, O(1) amortised by a monotonic deque. */
public abstract class Extreme extends StreamingIndicator {
    private final int length;
    private final MonotonicExtreme extreme;
    private double pending = Double.NaN;

    Extreme(String function, int length, boolean highest) {
        requireLength(function, "length", length, 1);
        this.length = length;
        this.extreme = new MonotonicExtreme(length, highest);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        return extreme.extremeWith(source);
    }

    public int warmup() {
        return length - 1;
    }

    @Override
    protected void commit() {
        extreme.push(index(), pending);
    }
}
