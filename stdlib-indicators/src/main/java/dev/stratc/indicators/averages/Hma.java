package dev.stratc.indicators.averages;

/**
 * Hull moving average: WMA over floor(sqrt(length)) bars of 2 * WMA(length / 2) - WMA(length), as ta4j's
 * HMAIndicator; na until length + floor(sqrt(length)) - 1 bars exist.
 */
public final class Hma {
    private final Wma half;
    private final Wma full;
    private final Wma smoothing;
    private final int warmup;

    public Hma(int length) {
        if (length < 2) {
            throw new IllegalArgumentException("hma: length must be at least 2, got " + length);
        }
        int sqrtLength = (int) Math.sqrt(length);
        this.half = new Wma(length / 2);
        this.full = new Wma(length);
        this.smoothing = new Wma(sqrtLength);
        this.warmup = length + sqrtLength - 2;
    }

    public double update(int bar, double source) {
        return smoothing.update(bar, half.update(bar, source) * 2 - full.update(bar, source));
    }

    public int warmup() {
        return warmup;
    }
}
