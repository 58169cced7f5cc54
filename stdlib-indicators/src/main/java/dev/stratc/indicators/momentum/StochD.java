package dev.stratc.indicators.momentum;

import dev.stratc.indicators.averages.Sma;

/** Stochastic %D: the simple average of %K over {@code smooth} bars (ta4j's StochasticOscillatorDIndicator). */
public final class StochD {
    private final StochK k;
    private final Sma average;

    public StochD(int length, int smooth) {
        this.k = new StochK(length);
        this.average = new Sma(smooth);
    }

    public double update(int bar, double high, double low, double close) {
        return average.update(bar, k.update(bar, high, low, close));
    }

    public int warmup() {
        return k.warmup() + average.warmup();
    }
}
