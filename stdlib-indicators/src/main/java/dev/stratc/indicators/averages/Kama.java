package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Kaufman's adaptive moving average (ta4j's KAMAIndicator): the smoothing constant moves between the fast and
 * the slow EMA's with the efficiency ratio |net change| / sum of |bar changes| over {@code length} bars. The
 * source itself for the first {@code length} bars. Where ta4j divides by a zero volatility (a flat window) and
 * stays na for ever, the ratio is taken as 0 here (no trend: the slow constant).
 */
public final class Kama extends StreamingIndicator {
    private final int length;
    private final double fastest;
    private final double slowest;
    private final RollingWindow prices;
    private final RollingWindow absoluteChanges;
    private double pending = Double.NaN;
    private double previousKama = Double.NaN;
    private double value = Double.NaN;

    public Kama(int length, int fast, int slow) {
        requireLength("kama", "length", length, 1);
        requireLength("kama", "fast", fast, 1);
        requireLength("kama", "slow", slow, 1);
        this.length = length;
        this.fastest = 2.0 / (fast + 1);
        this.slowest = 2.0 / (slow + 1);
        this.prices = new RollingWindow(length);
        this.absoluteChanges = new RollingWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        if (index() < length) {
            value = source;
            return value;
        }
        double change = Math.abs(source - prices.get(length));
        double volatility = absoluteChanges.sumWith(Math.abs(source - prices.get(1)));
        double efficiency = volatility == 0.0 ? 0.0 : change / volatility;
        double smoothing = efficiency * (fastest - slowest) + slowest;
        value = previousKama + smoothing * smoothing * (source - previousKama);
        return value;
    }

    public int warmup() {
        return length;
    }

    @Override
    protected void commit() {
        if (index() > 0) {
            absoluteChanges.push(Math.abs(pending - prices.get(1)));
        }
        prices.push(pending);
        previousKama = value;
    }
}
