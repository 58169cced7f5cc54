package dev.stratc.indicators.statistics;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * A statistic of the last {@code length} values from a rolling window: O(1) per bar, partial windows while
 * fewer values exist (as ta4j's statistics), na inputs give na and are left out of the window.
 */
public abstract class WindowStatistic extends StreamingIndicator {
    private final RollingWindow window;
    private double pending = Double.NaN;

    WindowStatistic(String function, int length) {
        requireLength(function, "length", length, 1);
        this.window = new RollingWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        return Double.isNaN(source) ? Double.NaN : compute(window, source);
    }

    abstract double compute(RollingWindow window, double current);

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
