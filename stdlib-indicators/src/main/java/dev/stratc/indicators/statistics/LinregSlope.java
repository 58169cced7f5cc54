package dev.stratc.indicators.statistics;

import dev.stratc.indicators.core.StreamingIndicator;
import dev.stratc.indicators.core.WeightedWindow;

/**
 * The least-squares slope per bar of the last {@code length} values (ta4j's SimpleLinearRegressionIndicator,
 * SLOPE), O(1) per bar; over the values seen so far until {@code length} exist, na with fewer than two.
 */
public final class LinregSlope extends StreamingIndicator {
    private final WeightedWindow window;
    private double pending = Double.NaN;

    public LinregSlope(int length) {
        requireLength("linreg_slope", "length", length, 2);
        this.window = new WeightedWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        return Double.isNaN(source) ? Double.NaN : window.slopeWith(source);
    }

    public int warmup() {
        return window.capacity() - 1;
    }

    @Override
    protected void commit() {
        if (!Double.isNaN(pending)) {
            window.push(pending);
        }
    }
}
