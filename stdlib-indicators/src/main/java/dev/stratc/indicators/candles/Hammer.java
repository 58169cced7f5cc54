package dev.stratc.indicators.candles;

import dev.stratc.indicators.core.StreamingIndicator;
import dev.stratc.indicators.trend.Dmi;

/**
 * Hammer (ta4j's HammerIndicator): a lower wick more than {@code lowerWick} bodies long, an upper wick at
 * most {@code upperWick} bodies, in a down-trend: ADX(5) above 25 with -DI above +DI on the previous bar
 * (never during the first 11 bars, ta4j's warm-up of that trend test).
 */
public final class Hammer extends StreamingIndicator {
    private static final int TREND_WARMUP = 11;

    private final double lowerWick;
    private final double upperWick;
    private final Dmi trend = new Dmi(5, 5);
    private boolean previousMinusAbovePlus;
    private boolean minusAbovePlus;

    public Hammer(double lowerWick, double upperWick) {
        this.lowerWick = lowerWick;
        this.upperWick = upperWick;
    }

    public boolean update(int bar, double open, double high, double low, double close) {
        enter(bar);
        double adx = trend.update(bar, high, low, close);
        minusAbovePlus = trend.minusDi() > trend.plusDi();
        double body = Math.abs(close - open);
        double bottomWick = Math.min(open, close) - low;
        double topWick = high - Math.max(open, close);
        boolean shape = bottomWick / body > lowerWick && topWick / body <= upperWick;
        boolean downTrend = index() >= TREND_WARMUP && adx > 25 && previousMinusAbovePlus;
        return body != 0.0 && shape && downTrend;
    }

    public int warmup() {
        return TREND_WARMUP;
    }

    @Override
    protected void commit() {
        previousMinusAbovePlus = minusAbovePlus;
    }
}
