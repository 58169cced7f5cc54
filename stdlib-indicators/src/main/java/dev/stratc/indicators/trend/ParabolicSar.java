package dev.stratc.indicators.trend;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Parabolic SAR with ta4j's rules (ParabolicSarIndicator), computed incrementally in O(1) per bar where ta4j
 * recomputes from the start of the series for every value. The first bar is na; the second starts a trend in
 * the direction of the close's move; the SAR then accelerates towards the extreme point by {@code start},
 * growing by {@code increment} at each new extreme up to {@code maximum}, and flips when price touches it.
 */
public final class ParabolicSar extends StreamingIndicator {
    private final double start;
    private final double increment;
    private final double maximum;

    // Committed state after the previous bar.
    private double previousSar = Double.NaN;
    private boolean previousUpTrend;
    private double previousExtreme = Double.NaN;
    private double previousAcceleration;
    private double previousHigh = Double.NaN;
    private double previousLow = Double.NaN;
    private double previousClose = Double.NaN;
    private double secondPreviousHigh = Double.NaN;
    private double secondPreviousLow = Double.NaN;

    // Tentative state of the current bar.
    private double high = Double.NaN;
    private double low = Double.NaN;
    private double close = Double.NaN;
    private double sar = Double.NaN;
    private boolean upTrend;
    private double extreme = Double.NaN;
    private double acceleration;

    public ParabolicSar(double start, double increment, double maximum) {
        if (!(start > 0) || !(increment >= 0) || !(maximum >= start)) {
            throw new IllegalArgumentException("parabolic_sar: need start > 0, increment >= 0 and maximum >= start,"
                    + " got " + start + ", " + increment + ", " + maximum);
        }
        this.start = start;
        this.increment = increment;
        this.maximum = maximum;
    }

    public double update(int bar, double high, double low, double close) {
        enter(bar);
        this.high = high;
        this.low = low;
        this.close = close;
        if (index() == 0) {
            sar = Double.NaN;
            upTrend = false;
            extreme = close;
            acceleration = 0.0;
        } else if (index() == 1) {
            upTrend = previousClose < close;
            acceleration = start;
            sar = upTrend ? previousLow : previousHigh;
            extreme = upTrend ? previousHigh : previousLow;
        } else {
            follow();
        }
        return sar;
    }

    private void follow() {
        double lowestOfTwo = Math.min(previousLow, secondPreviousLow);
        double highestOfTwo = Math.max(previousHigh, secondPreviousHigh);
        sar = previousSar + previousAcceleration * (previousExtreme - previousSar);
        upTrend = previousUpTrend;
        extreme = previousExtreme;
        acceleration = previousAcceleration;
        if (upTrend) {
            if (low < sar) {
                sar = previousExtreme;
                acceleration = start;
                extreme = low;
                upTrend = false;
            } else if (high > previousExtreme) {
                extreme = high;
                acceleration = Math.min(previousAcceleration + increment, maximum);
            }
        } else {
            if (high >= sar) {
                sar = previousExtreme;
                acceleration = start;
                extreme = high;
                upTrend = true;
            } else if (low < previousExtreme) {
                extreme = low;
                acceleration = Math.min(previousAcceleration + increment, maximum);
            }
        }
        if (upTrend && sar > lowestOfTwo) {
            sar = lowestOfTwo;
        } else if (!upTrend && sar < highestOfTwo) {
            sar = highestOfTwo;
        }
    }

    public int warmup() {
        return 1;
    }

    @Override
    protected void commit() {
        secondPreviousHigh = previousHigh;
        secondPreviousLow = previousLow;
        previousHigh = high;
        previousLow = low;
        previousClose = close;
        previousSar = sar;
        previousUpTrend = upTrend;
        previousExtreme = extreme;
        previousAcceleration = acceleration;
    }
}
