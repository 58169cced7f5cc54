package dev.stratc.indicators.volume;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Volume-weighted average of the typical price (high + low + close) / 3 over the last {@code length} bars
 * (ta4j's VWAPIndicator): partial windows while fewer bars exist; the typical price on the first bar; na when
 * the window traded nothing.
 */
public final class RollingVwap extends StreamingIndicator {
    private final RollingWindow weighted;
    private final RollingWindow volumes;
    private double pendingWeighted = Double.NaN;
    private double pendingVolume = Double.NaN;

    public RollingVwap(int length) {
        requireLength("rolling_vwap", "length", length, 1);
        this.weighted = new RollingWindow(length);
        this.volumes = new RollingWindow(length);
    }

    public double update(int bar, double high, double low, double close, double volume) {
        enter(bar);
        double typical = (high + low + close) / 3.0;
        pendingWeighted = typical * volume;
        pendingVolume = volume;
        if (index() == 0) {
            return typical;
        }
        return ratio(weighted.sumWith(pendingWeighted), volumes.sumWith(volume));
    }

    public int warmup() {
        return volumes.capacity() - 1;
    }

    @Override
    protected void commit() {
        weighted.push(pendingWeighted);
        volumes.push(pendingVolume);
    }
}
