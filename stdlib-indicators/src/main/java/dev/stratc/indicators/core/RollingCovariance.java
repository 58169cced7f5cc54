package dev.stratc.indicators.core;

/**
 * Pairs (x, y) of the last {@code capacity} bars with running sums of their deviations from shift values, for
 * O(1) covariance and correlation. As in {@link RollingWindow}, the sums are rebuilt exactly every
 * max(capacity, 1,024) pushes.
 */
public final class RollingCovariance {
    /** Sums are rebuilt after this many pushes at least: drift stays near 1e-13, the rebuild cost near zero. */
    private static final int MIN_RECOMPUTE_INTERVAL = 1024;

    private final double[] xs;
    private final double[] ys;
    private int size;
    private int next;
    private double shiftX;
    private double shiftY;
    private double sumX;
    private double sumY;
    private double sumXX;
    private double sumYY;
    private double sumXY;
    private final int recomputeInterval;
    private int pushesSinceRecompute;

    public RollingCovariance(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1, got " + capacity);
        }
        xs = new double[capacity];
        ys = new double[capacity];
        recomputeInterval = Math.max(capacity, MIN_RECOMPUTE_INTERVAL);
    }

    public int capacity() {
        return xs.length;
    }

    public void push(double x, double y) {
        if (size == xs.length) {
            add(xs[next] - shiftX, ys[next] - shiftY, -1);
        } else {
            if (size == 0) {
                shiftX = x; // the first pair: deviations stay small from the start
                shiftY = y;
            }
            size++;
        }
        xs[next] = x;
        ys[next] = y;
        next = next + 1 == xs.length ? 0 : next + 1;
        add(x - shiftX, y - shiftY, 1);
        if (++pushesSinceRecompute >= recomputeInterval) {
            recompute(x, y);
        }
    }

    private void add(double dx, double dy, int sign) {
        sumX += sign * dx;
        sumY += sign * dy;
        sumXX += sign * dx * dx;
        sumYY += sign * dy * dy;
        sumXY += sign * dx * dy;
    }

    /** Pearson correlation of the newest committed pairs and the pending one; NaN when either is constant. */
    public double correlationWith(double x, double y) {
        boolean full = size == xs.length;
        int n = full ? size : size + 1;
        double dx = x - shiftX;
        double dy = y - shiftY;
        double sx = sumX + dx;
        double sy = sumY + dy;
        double sxx = sumXX + dx * dx;
        double syy = sumYY + dy * dy;
        double sxy = sumXY + dx * dy;
        if (full) {
            double ex = xs[next] - shiftX;
            double ey = ys[next] - shiftY;
            sx -= ex;
            sy -= ey;
            sxx -= ex * ex;
            syy -= ey * ey;
            sxy -= ex * ey;
        }
        double covariance = sxy - sx * sy / n;
        double varianceX = sxx - sx * sx / n;
        double varianceY = syy - sy * sy / n;
        double denominator = Math.sqrt(varianceX * varianceY);
        return denominator > 0 ? covariance / denominator : Double.NaN;
    }

    private void recompute(double newShiftX, double newShiftY) {
        shiftX = newShiftX;
        shiftY = newShiftY;
        sumX = sumY = sumXX = sumYY = sumXY = 0.0;
        for (int k = 0; k < size; k++) {
            int slot = next - 1 - k;
            slot = slot < 0 ? slot + xs.length : slot;
            add(xs[slot] - shiftX, ys[slot] - shiftY, 1);
        }
        pushesSinceRecompute = 0;
    }
}
