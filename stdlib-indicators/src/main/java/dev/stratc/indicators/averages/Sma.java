package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.WindowStatistic;

/**
 * Simple moving average over a rolling window: O(1) per bar, no allocation after construction. Like ta4j's
 * SMAIndicator, it averages the values seen so far until the window is full. An na input gives na and is left
 * out of the window.
 */
public final class Sma extends WindowStatistic {
    public Sma(int length) {
        super("sma", length);
    }

    @Override
    protected double compute(RollingWindow window, double current) {
        return window.sumWith(current) / window.sizeWith();
    }
}
