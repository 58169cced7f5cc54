package dev.stratc.indicators.trend;

import dev.stratc.indicators.averages.Rma;

/**
 * Average true range: Wilder's average of the true range (ta4j's ATRIndicator): na for the first
 * {@code length} bars, then seeded with that bar's true range.
 */
public final class Atr {
    private final TrueRange trueRange = new TrueRange();
    private final Rma average;

    public Atr(int length) {
        this.average = new Rma(length);
    }

    public double update(int bar, double high, double low, double close) {
        return average.update(bar, trueRange.update(bar, high, low, close));
    }

    public int warmup() {
        return average.warmup();
    }
}
