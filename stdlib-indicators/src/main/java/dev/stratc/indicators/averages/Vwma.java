package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Volume-weighted moving average: sum(source * volume) / sum(volume) over {@code length} bars, as ta4j's
 * VWMAIndicator; na until {@code length} bars exist and when the window traded nothing. A bar with an na
 * source or volume gives na and is left out of the window.
 */
public final class Vwma extends StreamingIndicator {
    private final RollingWindow weighted;
    private final RollingWindow volumes;
    private double pendingWeighted = Double.NaN;
    private double pendingVolume = Double.NaN;

    public Vwma(int length) {
        requireLength("vwma", "length", length, 1);
        this.weighted = new RollingWindow(length);
        this.volumes = new RollingWindow(length);
    }

    public double update(int bar, double volume, double source) {
        enter(bar);
        pendingWeighted = source * volume;
        pendingVolume = volume;
        if (Double.isNaN(pendingWeighted) || volumes.sizeWith() < volumes.capacity()) {
            return Double.NaN;
        }
        return ratio(weighted.sumWith(pendingWeighted), volumes.sumWith(volume));
    }

    public int warmup() {
        return volumes.capacity() - 1;
    }

    @Override
    protected void commit() {
        if (Double.isNaN(pendingWeighted)) {
            return;
        }
        weighted.push(pendingWeighted);
        volumes.push(pendingVolume);
    }
}
