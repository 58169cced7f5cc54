package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.HighLowRange;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Stochastic RSI, 0 to 100: where RSI sits in its own range over {@code length} bars (ta4j's
 * StochasticRSIIndicator, same length for both). na for the first 2 * length - 1 bars; when the range is
 * zero it repeats its previous value.
 */
public final class StochRsi extends StreamingIndicator {
    private final int length;
    private final Rsi rsi;
    private final HighLowRange range;
    private double previous = Double.NaN;
    private double value = Double.NaN;

    public StochRsi(int length) {
        requireLength("stoch_rsi", "length", length, 1);
        this.length = length;
        this.rsi = new Rsi(length);
        this.range = new HighLowRange(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        double current = rsi.update(bar, source);
        range.include(current, current);
        double high = range.highestHigh();
        double low = range.lowestLow();
        if (index() < warmup() || Double.isNaN(current)) {
            value = Double.NaN;
        } else if (high == low) {
            value = previous;
        } else {
            value = (current - low) / (high - low) * 100.0;
        }
        return value;
    }

    public int warmup() {
        return 2 * length - 1;
    }

    @Override
    protected void commit() {
        range.commit();
        previous = value;
    }
}
