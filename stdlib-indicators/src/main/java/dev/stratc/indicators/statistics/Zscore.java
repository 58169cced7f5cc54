package dev.stratc.indicators.statistics;

import dev.stratc.indicators.core.RollingWindow;

/**
 * How many population standard deviations the value is from the mean of the last {@code length} values;
 * na when they are all equal.
 */
public final class Zscore extends WindowStatistic {
    public Zscore(int length) {
        super("zscore", length);
    }

    @Override
    double compute(RollingWindow window, double current) {
        return ratio(current - window.meanWith(current), Math.sqrt(window.varianceWith(current)));
    }
}
