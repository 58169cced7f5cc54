package dev.stratc.indicators.volume;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Chaikin money flow (ta4j's ChaikinMoneyFlowIndicator): the sum over {@code length} bars of volume weighted
 * by the close's location in the bar's range, ((close - low) - (high - close)) / (high - low), divided by the
 * sum of volume. Partial windows while fewer bars exist; na when a bar in the window has no range or the
 * window traded nothing.
 */
public final class Cmf extends StreamingIndicator {
    private final RollingWindow flows;
    private final RollingWindow volumes;
    private double pendingFlow = Double.NaN;
    private double pendingVolume = Double.NaN;
    private int lastBarWithoutRange = Integer.MIN_VALUE;
    private int pendingBarWithoutRange = Integer.MIN_VALUE;
    private final int length;

    public Cmf(int length) {
        requireLength("cmf", "length", length, 1);
        this.length = length;
        this.flows = new RollingWindow(length);
        this.volumes = new RollingWindow(length);
    }

    public double update(int bar, double high, double low, double close, double volume) {
        enter(bar);
        double location = ratio((close - low) - (high - close), high - low);
        pendingFlow = location * volume;
        pendingVolume = volume;
        pendingBarWithoutRange = Double.isNaN(pendingFlow) ? index() : lastBarWithoutRange;
        if (pendingBarWithoutRange > index() - length) {
            return Double.NaN;
        }
        return ratio(flows.sumWith(pendingFlow), volumes.sumWith(volume));
    }

    public int warmup() {
        return length - 1;
    }

    @Override
    protected void commit() {
        lastBarWithoutRange = pendingBarWithoutRange;
        // A bar without range makes the window na (as in ta4j) while it is in the window; 0 keeps the sums finite.
        flows.push(Double.isNaN(pendingFlow) ? 0.0 : pendingFlow);
        volumes.push(pendingVolume);
    }
}
