package dev.stratc.indicators.volume;

import dev.stratc.indicators.averages.Sma;

/** This bar's volume divided by the average volume of the last {@code length} bars (this one included). */
public final class VolumeRatio {
    private final Sma average;

    public VolumeRatio(int length) {
        this.average = new Sma(length);
    }

    public double update(int bar, double volume) {
        double mean = average.update(bar, volume);
        return mean == 0.0 ? Double.NaN : volume / mean;
    }

    public int warmup() {
        return average.warmup();
    }
}
