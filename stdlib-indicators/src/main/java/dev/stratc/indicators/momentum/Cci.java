package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Commodity channel index on the typical price (high + low + close) / 3, constant 0.015, as ta4j's
 * CCIIndicator: partial windows while fewer bars exist, 0 when the mean deviation is zero. The mean deviation
 * around a moving mean has no running form, so this one is O(length) per bar over a primitive ring.
 */
public final class Cci extends StreamingIndicator {
    private final RollingWindow window;
    private double typical = Double.NaN;

    public Cci(int length) {
        requireLength("cci", "length", length, 1);
        this.window = new RollingWindow(length);
    }

    public double update(int bar, double high, double low, double close) {
        enter(bar);
        typical = (high + low + close) / 3.0;
        if (Double.isNaN(typical)) {
            return Double.NaN;
        }
        int n = window.sizeWith();
        double mean = window.sumWith(typical) / n;
        double deviations = Math.abs(typical - mean);
        for (int ago = 1; ago < n; ago++) {
            deviations += Math.abs(window.get(ago) - mean);
        }
        double meanDeviation = deviations / n;
        return meanDeviation == 0.0 ? 0.0 : (typical - mean) / (meanDeviation * 0.015);
    }

    public int warmup() {
        return window.capacity() - 1;
    }

    @Override
    protected void commit() {
        if (!Double.isNaN(typical)) {
            window.push(typical);
        }
    }
}
