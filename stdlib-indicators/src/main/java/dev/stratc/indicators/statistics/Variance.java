package dev.stratc.indicators.statistics;

import dev.stratc.indicators.core.RollingWindow;

/** Population variance of the last {@code length} values (ta4j's VarianceIndicator). */
public final class Variance extends WindowStatistic {
    public Variance(int length) {
        super("variance", length);
    }

    @Override
    double compute(RollingWindow window, double current) {
        return window.varianceWith(current);
    }
}
