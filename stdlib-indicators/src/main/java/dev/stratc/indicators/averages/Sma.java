package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Simple moving average over a rolling window: O(1) per bar, no allocation after construction. Like ta4j's
 * SMAIndicator, it averages the values seen so far until the window is full. An na input gives na and is left
 * out of the window.
 *
 * <p>Leaner than the variance-capable {@code RollingWindow} the other window statistics share: a ring of the
 * committed values and their plain running sum, nothing else per bar. The sum is rebuilt from the ring every
 * max(length, 1,024) pushes, which bounds the drift of add-and-subtract (as ta4j, which sums the window
 * directly, has none).
 */
public final class Sma extends StreamingIndicator {
    private static final int MIN_RECOMPUTE_INTERVAL = 1024;

    private final double[] values;
    private final int recomputeInterval;
    private int size;
    private int next;
    private double sum;
    private int pushesSinceRecompute;
    private double pending = Double.NaN;

    public Sma(int length) {
        requireLength("sma", "length", length, 1);
        values = new double[length];
        recomputeInterval = Math.max(length, MIN_RECOMPUTE_INTERVAL);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        if (Double.isNaN(source)) {
            return Double.NaN;
        }
        return size == values.length
                ? (sum - values[next] + source) / size
                : (sum + source) / (size + 1);
    }

    public int warmup() {
        return values.length - 1;
    }

    @Override
    protected void commit() {
        double value = pending;
        if (Double.isNaN(value)) {
            return;
        }
        if (size == values.length) {
            sum -= values[next];
        } else {
            size++;
        }
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        sum += value;
        if (++pushesSinceRecompute >= recomputeInterval) {
            double exact = 0;
            for (int i = 0; i < size; i++) {
                exact += values[i];
            }
            sum = exact;
            pushesSinceRecompute = 0;
        }
    }
}
