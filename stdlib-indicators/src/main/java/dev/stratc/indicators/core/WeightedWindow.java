package dev.stratc.indicators.core;

/**
 * The committed values of the last {@code capacity} bars with two running sums, the plain sum and the sum
 * weighted 1 (oldest) .. size (newest), both of deviations from a shift value. That gives the weighted moving
 * average and the least-squares slope in O(1) per bar. As in {@link RollingWindow}, the sums are rebuilt
 * exactly every max(capacity, 1,024) pushes, and the shift then moves to the newest value.
 */
public final class WeightedWindow {
    /** Sums are rebuilt after this many pushes at least: drift stays near 1e-13, the rebuild cost near zero. */
    private static final int MIN_RECOMPUTE_INTERVAL = 1024;

    private final double[] values;
    private int size;
    private int next;
    private double shift;
    private double sum;
    private double weightedSum;
    private final int recomputeInterval;
    private int pushesSinceRecompute;

    public WeightedWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1, got " + capacity);
        }
        values = new double[capacity];
        recomputeInterval = Math.max(capacity, MIN_RECOMPUTE_INTERVAL);
    }

    public int capacity() {
        return values.length;
    }

    public boolean isFull() {
        return size == values.length;
    }

    /** How many values a window ending with a tentative value holds. */
    public int sizeWith() {
        return isFull() ? size : size + 1;
    }

    public void push(double value) {
        if (size == 0) {
            shift = value; // the first value: deviations stay small from the start
        }
        double deviation = value - shift;
        if (isFull()) {
            weightedSum += values.length * deviation - sum;
            sum += deviation - (values[next] - shift);
        } else {
            size++;
            weightedSum += size * deviation;
            sum += deviation;
        }
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        if (++pushesSinceRecompute >= recomputeInterval) {
            recompute(value);
        }
    }

    /** The average weighted 1 .. m (newest heaviest) of the newest committed values and {@code pending}. */
    public double weightedMeanWith(double pending) {
        int m = sizeWith();
        return shift + weightedSumWith(pending) / (m * (m + 1) / 2.0);
    }

    /**
     * The least-squares slope per bar of the newest committed values and {@code pending} against their bar
     * positions; NaN with fewer than two values.
     */
    public double slopeWith(double pending) {
        int m = sizeWith();
        if (m < 2) {
            return Double.NaN;
        }
        double d = pending - shift;
        double plain = isFull() ? sum - (values[next] - shift) + d : sum + d;
        double centred = weightedSumWith(pending) - (m + 1) / 2.0 * plain;
        return centred / (m * ((double) m * m - 1) / 12.0);
    }

    private double weightedSumWith(double pending) {
        double d = pending - shift;
        return isFull() ? weightedSum + values.length * d - sum : weightedSum + (size + 1) * d;
    }

    private void recompute(double newShift) {
        shift = newShift;
        sum = 0.0;
        weightedSum = 0.0;
        for (int k = 0; k < size; k++) {
            int slot = next - size + k;
            double deviation = values[slot < 0 ? slot + values.length : slot] - shift;
            sum += deviation;
            weightedSum += (k + 1) * deviation;
        }
        pushesSinceRecompute = 0;
    }
}
