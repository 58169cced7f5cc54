package dev.stratc.indicators.statistics;

import dev.stratc.indicators.core.RollingCovariance;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Pearson correlation of two series over the last {@code length} bars, -1 to 1 (ta4j's
 * CorrelationCoefficientIndicator); over the bars seen so far until {@code length} exist; na when either
 * series is constant in the window. Bars where either is na are left out.
 */
public final class Correlation extends StreamingIndicator {
    private final RollingCovariance window;
    private double pendingA = Double.NaN;
    private double pendingB = Double.NaN;

    public Correlation(int length) {
        requireLength("correlation", "length", length, 2);
        this.window = new RollingCovariance(length);
    }

    public double update(int bar, double a, double b) {
        enter(bar);
        pendingA = a;
        pendingB = b;
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : window.correlationWith(a, b);
    }

    public int warmup() {
        return window.capacity() - 1;
    }

    @Override
    protected void commit() {
        if (!Double.isNaN(pendingA) && !Double.isNaN(pendingB)) {
            window.push(pendingA, pendingB);
        }
    }
}
