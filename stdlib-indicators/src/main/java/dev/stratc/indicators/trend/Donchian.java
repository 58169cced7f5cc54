package dev.stratc.indicators.trend;

import dev.stratc.indicators.core.MonotonicExtreme;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Donchian channel (ta4j's DonchianChannel* indicators): the highest high and lowest low of the last
 * {@code length} bars and their midpoint; partial windows while fewer bars exist.
 */
public final class Donchian extends StreamingIndicator {
    private final int length;
    private final MonotonicExtreme highest;
    private final MonotonicExtreme lowest;
    private double high = Double.NaN;
    private double low = Double.NaN;
    private double upper = Double.NaN;
    private double lower = Double.NaN;

    public Donchian(int length) {
        requireLength("donchian", "length", length, 1);
        this.length = length;
        this.highest = new MonotonicExtreme(length, true);
        this.lowest = new MonotonicExtreme(length, false);
    }

    public double update(int bar, double high, double low) {
        enter(bar);
        this.high = high;
        this.low = low;
        upper = highest.extremeWith(high);
        lower = lowest.extremeWith(low);
        return middle();
    }

    public double upper() {
        return upper;
    }

    public double middle() {
        return (lower + upper) / 2.0;
    }

    public double lower() {
        return lower;
    }

    public int warmup() {
        return length - 1;
    }

    @Override
    protected void commit() {
        highest.push(index(), high);
        lowest.push(index(), low);
    }
}
