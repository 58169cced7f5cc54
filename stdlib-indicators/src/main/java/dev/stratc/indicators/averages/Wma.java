package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.StreamingIndicator;
import dev.stratc.indicators.core.WeightedWindow;

/**
 * Linearly weighted moving average (newest weight {@code length}, oldest 1), O(1) per bar; na until
 * {@code length} values exist, as ta4j's WMAIndicator. An na input gives na and is left out of the window.
 */
public final class Wma extends StreamingIndicator {
    private final WeightedWindow window;
    private double pending = Double.NaN;

    public Wma(int length) {
        requireLength("wma", "length", length, 1);
        this.window = new WeightedWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        if (Double.isNaN(source) || window.sizeWith() < window.capacity()) {
            return Double.NaN;
        }
        return window.weightedMeanWith(source);
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
