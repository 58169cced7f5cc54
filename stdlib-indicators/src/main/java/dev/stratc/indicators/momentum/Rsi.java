package dev.stratc.indicators.momentum;

import dev.stratc.indicators.averages.Rma;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Relative strength index with Wilder smoothing of gains and losses, as ta4j's RSIIndicator: na for the first
 * {@code length} bars; 100 when there were only gains, 0 when the price did not move.
 */
public final class Rsi extends StreamingIndicator {
    private final int length;
    private final Rma averageGain;
    private final Rma averageLoss;
    private double previousSource = Double.NaN;
    private double source = Double.NaN;

    public Rsi(int length) {
        requireLength("rsi", "length", length, 1);
        this.length = length;
        this.averageGain = new Rma(length);
        this.averageLoss = new Rma(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        this.source = source;
        // ta4j's Gain/LossIndicator: zero on the first bar and whenever a comparison involves na.
        double change = source - previousSource;
        double gain = averageGain.update(bar, change > 0 ? change : 0.0);
        double loss = averageLoss.update(bar, change < 0 ? -change : 0.0);
        if (Double.isNaN(gain) || Double.isNaN(loss)) {
            return Double.NaN;
        }
        if (loss == 0.0) {
            return gain == 0.0 ? 0.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + gain / loss);
    }

    public int warmup() {
        return length;
    }

    @Override
    protected void commit() {
        previousSource = source;
    }
}
