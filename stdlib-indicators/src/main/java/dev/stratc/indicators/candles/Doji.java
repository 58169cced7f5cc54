package dev.stratc.indicators.candles;

import dev.stratc.indicators.averages.Sma;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Doji (ta4j's DojiIndicator): the bar's body |close - open| is smaller than {@code factor} times the average
 * body of the previous {@code length} bars; on the first bar, a body of exactly zero.
 */
public final class Doji extends StreamingIndicator {
    private final double factor;
    private final Sma averageBody;
    private double previousAverage = Double.NaN;
    private double average = Double.NaN;

    public Doji(int length, double factor) {
        this.factor = factor;
        this.averageBody = new Sma(length);
    }

    public boolean update(int bar, double open, double close) {
        enter(bar);
        double body = Math.abs(close - open);
        average = averageBody.update(bar, body);
        return index() == 0 ? body == 0.0 : body < previousAverage * factor;
    }

    public int warmup() {
        return averageBody.warmup() + 1;
    }

    @Override
    protected void commit() {
        previousAverage = average;
    }
}
