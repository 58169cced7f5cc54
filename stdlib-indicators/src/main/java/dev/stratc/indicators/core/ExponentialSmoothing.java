package dev.stratc.indicators.core;

/**
 * The recursion behind EMA and Wilder's RMA, with ta4j's warm-up: na for the first {@code length} bars, then
 * seeded with the first value that has no earlier smoothed value, then
 * {@code previous + alpha * (value - previous)}. An na input gives na and restarts the seed on the next value,
 * as ta4j does.
 */
public abstract class ExponentialSmoothing extends StreamingIndicator {
    private final int length;
    private final double alpha;
    private double previous = Double.NaN;
    private double value = Double.NaN;

    protected ExponentialSmoothing(int length, double alpha) {
        this.length = length;
        this.alpha = alpha;
    }

    public double update(int bar, double source) {
        enter(bar);
        if (index() < length || Double.isNaN(source)) {
            value = Double.NaN;
        } else if (Double.isNaN(previous)) {
            value = source;
        } else {
            value = previous + (source - previous) * alpha;
        }
        return value;
    }

    public int warmup() {
        return length;
    }

    @Override
    protected void commit() {
        previous = value;
    }
}
