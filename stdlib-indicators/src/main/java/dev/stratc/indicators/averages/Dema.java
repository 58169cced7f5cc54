package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.StreamingIndicator;

/** Double EMA: 2 * EMA - EMA(EMA), as ta4j's DoubleEMAIndicator; na for the first 2 * length bars. */
public final class Dema extends StreamingIndicator {
    private final int length;
    private final Ema ema;
    private final Ema emaOfEma;

    public Dema(int length) {
        requireLength("dema", "length", length, 1);
        this.length = length;
        this.ema = new Ema(length);
        this.emaOfEma = new Ema(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        double first = ema.update(bar, source);
        double second = emaOfEma.update(bar, first);
        return index() < 2 * length ? Double.NaN : first * 2 - second;
    }

    public int warmup() {
        return 2 * length;
    }

    @Override
    protected void commit() {
    }
}
