package dev.stratc.indicators.trend;

import dev.stratc.indicators.core.HighLowRange;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Donchian channel (ta4j's DonchianChannel* indicators): the highest high and lowest low of the last
 * {@code length} bars and their midpoint; partial windows while fewer bars exist.
 */
public final class Donchian extends StreamingIndicator {
    private final int length;
    private final HighLowRange range;

    public Donchian(int length) {
        requireLength("donchian", "length", length, 1);
        this.length = length;
        this.range = new HighLowRange(length);
    }

    public double update(int bar, double high, double low) {
        enter(bar);
        range.include(high, low);
        return middle();
    }

    public double upper() {
        return range.highestHigh();
    }

    public double middle() {
        return (range.lowestLow() + range.highestHigh()) / 2.0;
    }

    public double lower() {
        return range.lowestLow();
    }

    public int warmup() {
        return length - 1;
    }

    @Override
    protected void commit() {
        range.commit();
    }
}
