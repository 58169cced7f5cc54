package dev.stratc.indicators.trend;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Bollinger bands: the SMA of the source (middle) plus and minus {@code mult} population standard deviations,
 * the band width in percent of the middle and %B (where the source sits between the bands, 0 at the lower,
 * 1 at the upper). As ta4j's BollingerBandFacade: partial windows while fewer than {@code length} bars exist.
 */
public final class Bollinger extends StreamingIndicator {
    private final double mult;
    private final RollingWindow window;
    private double pending = Double.NaN;
    private double middle = Double.NaN;
    private double upper = Double.NaN;
    private double lower = Double.NaN;
    private double percentB = Double.NaN;

    public Bollinger(int length, double mult) {
        requireLength("bollinger", "length", length, 1);
        this.mult = mult;
        this.window = new RollingWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        if (Double.isNaN(source)) {
            middle = upper = lower = percentB = Double.NaN;
            return middle;
        }
        middle = window.meanWith(source);
        double deviation = Math.sqrt(window.varianceWith(source)) * mult;
        upper = middle + deviation;
        lower = middle - deviation;
        percentB = ratio(source - lower, upper - lower);
        return middle;
    }

    public double upper() {
        return upper;
    }

    public double middle() {
        return middle;
    }

    public double lower() {
        return lower;
    }

    /** (upper - lower) / middle * 100. */
    public double width() {
        return ratio(upper - lower, middle) * 100.0;
    }

    public double percentB() {
        return percentB;
    }

    public int warmup() {
        return window.capacity() - 1;
    }

    @Override
    protected void commit() {
        if (!Double.isNaN(pending)) {
            window.push(pending);
        }
    }
}
