package dev.stratc.indicators.trend;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Supertrend (ta4j's SuperTrendIndicator): bands {@code mult} ATRs around the bar's median price (high + low)
 * / 2 that only tighten while price stays inside them; the line follows the lower band in an up-trend and
 * the upper band in a down-trend, switching when the close crosses the band it follows. na for the first
 * {@code length} bars (the ATR's warm-up).
 */
public final class Supertrend extends StreamingIndicator {
    private final double mult;
    private final Atr atr;
    private double previousClose = Double.NaN;
    private double previousUpper = Double.NaN;
    private double previousLower = Double.NaN;
    private double previousValue = Double.NaN;
    private double close = Double.NaN;
    private double upper = Double.NaN;
    private double lower = Double.NaN;
    private double value = Double.NaN;

    public Supertrend(int length, double mult) {
        this.mult = mult;
        this.atr = new Atr(length);
    }

    public double update(int bar, double high, double low, double close) {
        enter(bar);
        this.close = close;
        double median = (high + low) / 2.0;
        double range = mult * atr.update(bar, high, low, close);
        upper = band(median + range, previousUpper, !(previousClose > previousUpper), true);
        lower = band(median - range, previousLower, !(previousClose < previousLower), false);
        value = line(close);
        return value;
    }

    /** The basic band, unless the previous band is tighter and the previous close stayed inside it. */
    private static double band(double basic, double previous, boolean previousCloseInside, boolean isUpper) {
        if (Double.isNaN(basic) || Double.isNaN(previous)) {
            return basic;
        }
        boolean tighter = isUpper ? basic < previous : basic > previous;
        return tighter || !previousCloseInside ? basic : previous;
    }

    private double line(double close) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (Double.isNaN(previousValue)) {
            return lower;
        }
        if (!Double.isNaN(previousUpper) && previousValue == previousUpper) {
            return close <= upper ? upper : lower;
        }
        if (!Double.isNaN(previousLower) && previousValue == previousLower) {
            return close >= lower ? lower : upper;
        }
        return lower;
    }

    /** 1 in an up-trend (the line is the lower band), -1 in a down-trend, na while warming up. */
    public double direction() {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        return value == lower ? 1.0 : -1.0;
    }

    public double upperBand() {
        return upper;
    }

    public double lowerBand() {
        return lower;
    }

    public int warmup() {
        return atr.warmup();
    }

    @Override
    protected void commit() {
        previousClose = close;
        previousUpper = upper;
        previousLower = lower;
        previousValue = value;
    }
}
