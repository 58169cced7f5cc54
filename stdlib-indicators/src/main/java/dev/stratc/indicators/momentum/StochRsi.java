package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.MonotonicExtreme;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Stochastic RSI, 0 to 100: where RSI sits in its own range over {@code length} bars (ta4j's
 * StochasticRSIIndicator, same length for both). na for the first 2 * length - 1 bars; when the range is
 * zero it repeats its previous value.
 */
public final class StochRsi extends StreamingIndicator {
    private final int length;
    private final Rsi rsi;
    private final MonotonicExtreme highest;
    private final MonotonicExtreme lowest;
    private double pendingRsi = Double.NaN;
    private double previous = Double.NaN;
    private double value = Double.NaN;

    public StochRsi(int length) {
        requireLength("stoch_rsi", "length", length, 1);
        this.length = length;
        this.rsi = new Rsi(length);
        this.highest = new MonotonicExtreme(length, true);
        this.lowest = new MonotonicExtreme(length, false);
    }

    public double update(int bar, double source) {
        enter(bar);
        pendingRsi = rsi.update(bar, source);
        double high = highest.extremeWith(pendingRsi);
        double low = lowest.extremeWith(pendingRsi);
        if (index() < warmup() || Double.isNaN(pendingRsi)) {
            value = Double.NaN;
        } else if (high == low) {
            value = previous;
        } else {
            value = (pendingRsi - low) / (high - low) * 100.0;
        }
        return value;
    }

    public int warmup() {
        return 2 * length - 1;
    }

    @Override
    protected void commit() {
        highest.push(index(), pendingRsi);
        lowest.push(index(), pendingRsi);
        previous = value;
    }
}
