package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Money flow index, 0 to 100: RSI of money flow (typical price * volume), as ta4j's MoneyFlowIndexIndicator,
 * including its guard that floors each sum at 1 before dividing. na for the first {@code length} bars.
 */
public final class Mfi extends StreamingIndicator {
    private final int length;
    private final RollingWindow positive;
    private final RollingWindow negative;
    private double previousTypical = Double.NaN;
    private double typical = Double.NaN;
    private double pendingPositive;
    private double pendingNegative;

    public Mfi(int length) {
        requireLength("mfi", "length", length, 1);
        this.length = length;
        this.positive = new RollingWindow(length);
        this.negative = new RollingWindow(length);
    }

    public double update(int bar, double high, double low, double close, double volume) {
        enter(bar);
        typical = (high + low + close) / 3.0;
        double flow = typical * volume;
        pendingPositive = typical > previousTypical ? flow : 0.0;
        pendingNegative = typical < previousTypical ? flow : 0.0;
        if (index() < length) {
            return Double.NaN;
        }
        double ratio = Math.max(positive.sumWith(pendingPositive), 1.0)
                / Math.max(negative.sumWith(pendingNegative), 1.0);
        return 100.0 - 100.0 / (1.0 + ratio);
    }

    public int warmup() {
        return length;
    }

    @Override
    protected void commit() {
        positive.push(Double.isNaN(pendingPositive) ? 0.0 : pendingPositive);
        negative.push(Double.isNaN(pendingNegative) ? 0.0 : pendingNegative);
        previousTypical = typical;
    }
}
