package dev.stratc.indicators.core;

/**
 * The highest high and lowest low of the last {@code length} bars, the current bar's tentative values
 * included: the range behind the stochastic, Williams %R and Donchian channels. Its owner calls
 * {@link #include} on every update and {@link #commit} when the bar is final.
 */
public final class HighLowRange {
    private final SlidingExtreme highest;
    private final SlidingExtreme lowest;
    private double high = Double.NaN;
    private double low = Double.NaN;
    private double highestHigh = Double.NaN;
    private double lowestLow = Double.NaN;

    public HighLowRange(int length) {
        this.highest = new SlidingExtreme(length, true);
        this.lowest = new SlidingExtreme(length, false);
    }

    /** Takes the current bar's (tentative) high and low. */
    public void include(double high, double low) {
        this.high = high;
        this.low = low;
        highestHigh = highest.extremeWith(high);
        lowestLow = lowest.extremeWith(low);
    }

    public double highestHigh() {
        return highestHigh;
    }

    public double lowestLow() {
        return lowestLow;
    }

    /** Makes the last included high and low final. */
    public void commit() {
        highest.push(high);
        lowest.push(low);
    }
}
