package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Triple EMA: 3 * (EMA - EMA(EMA)) + EMA(EMA(EMA)), as ta4j's TripleEMAIndicator; na for the first
 * 3 * length bars.
 */
public final class Tema extends StreamingIndicator {
    private final int length;
    private final Ema ema;
    private final Ema emaOfEma;
    private final Ema emaOfEmaOfEma;

    public Tema(int length) {
        requireLength("tema", "length", length, 1);
        this.length = length;
        this.ema = new Ema(length);
        this.emaOfEma = new Ema(length);
        this.emaOfEmaOfEma = new Ema(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        double first = ema.update(bar, source);
        double second = emaOfEma.update(bar, first);
        double third = emaOfEmaOfEma.update(bar, second);
        return index() < 3 * length ? Double.NaN : 3 * (first - second) + third;
    }

    public int warmup() {
        return 3 * length;
    }

    @Override
    protected void commit() {
    }
}
