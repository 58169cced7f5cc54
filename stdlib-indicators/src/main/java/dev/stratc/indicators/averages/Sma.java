package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Simple moving average over a rolling window: O(1) per bar, no allocation after construction. Like ta4j's
 * SMAIndicator, it averages the values seen so far until the window is full. An na input gives na and is left
 * out of the window.
 */
public final class Sma extends StreamingIndicator {
    private final RollingWindow window;
    private double pending = Double.NaN;

    public Sma(int length) {
        requireLength("sma", "length", length, 1);
        this.window = new RollingWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        return Double.isNaN(source) ? Double.NaN : window.sumWith(source) / window.sizeWith();
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
