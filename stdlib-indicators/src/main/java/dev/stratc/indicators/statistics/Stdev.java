package dev.stratc.indicators.statistics;

import dev.stratc.indicators.core.RollingWindow;

/** Population standard deviation of the last {@code length} values (ta4j's StandardDeviationIndicator). */
public final class Stdev extends WindowStatistic {
    public Stdev(int length) {
        super("stdev", length);
    }

    @Override
    double compute(RollingWindow window, double current) {
        return Math.sqrt(window.varianceWith(current));
    }
}
