package dev.stratc.indicators.trend;

import dev.stratc.indicators.averages.Ema;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Keltner channel (ta4j's KeltnerChannel* indicators): the EMA of the typical price, and bands {@code mult}
 * ATRs above and below. na until both the EMA ({@code length}) and the ATR ({@code atrLength}) have warmed up.
 */
public final class Keltner extends StreamingIndicator {
    private final int warmup;
    private final double mult;
    private final Ema middle;
    private final Atr atr;
    private double middleValue = Double.NaN;
    private double upper = Double.NaN;
    private double lower = Double.NaN;

    public Keltner(int length, double mult, int atrLength) {
        requireLength("keltner", "length", length, 1);
        requireLength("keltner", "atr_length", atrLength, 1);
        this.warmup = Math.max(length, atrLength);
        this.mult = mult;
        this.middle = new Ema(length);
        this.atr = new Atr(atrLength);
    }

    public double update(int bar, double high, double low, double close) {
        enter(bar);
        double average = middle.update(bar, (high + low + close) / 3.0);
        double range = atr.update(bar, high, low, close) * mult;
        boolean warm = index() >= warmup;
        middleValue = average;
        upper = warm ? average + range : Double.NaN;
        lower = warm ? average - range : Double.NaN;
        return middleValue;
    }

    public double upper() {
        return upper;
    }

    public double middle() {
        return middleValue;
    }

    public double lower() {
        return lower;
    }

    public int warmup() {
        return warmup;
    }

    @Override
    protected void commit() {
    }
}
