package dev.stratc.indicators.volume;

import dev.stratc.indicators.averages.Sma;

/** The simple average of volume over the last {@code length} bars, this one included (partial at first). */
public final class AverageVolume {
    private final Sma average;

    public AverageVolume(int length) {
        this.average = new Sma(length);
    }

    public double update(int bar, double volume) {
        return average.update(bar, volume);
    }

    public int warmup() {
        return average.warmup();
    }
}
