package dev.stratc.indicators.core;

/**
 * The committed values of the last {@code capacity} bars with running sums of their deviations from a shift
 * value, so that mean and variance cost O(1) per bar. The sums are rebuilt exactly every max(capacity, 1,024)
 * pushes (amortised O(1)), which bounds the floating-point drift of add-and-subtract, and the shift then moves
 * to the newest value, which keeps the squares small (no catastrophic cancellation) and makes a constant
 * window's variance exactly zero.
 *
 * <p>The queries take the current bar's tentative value, so an owner can ask "what if this bar closed at x"
 * without pushing it.
 */
public final class RollingWindow {
    /** Sums are rebuilt after this many pushes at least: drift stays near 1e-13, the rebuild cost near zero. */
    private static final int MIN_RECOMPUTE_INTERVAL = 1024;

    private final double[] values;
    private int size;
    private int next;
    private double shift;
    private double sum;
    private double sumOfSquares;
    private final int recomputeInterval;
    private int pushesSinceRecompute;

    public RollingWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1, got " + capacity);
        }
        values = new double[capacity];
        recomputeInterval = Math.max(capacity, MIN_RECOMPUTE_INTERVAL);
    }

    public int capacity() {
        return values.length;
    }

    /** Committed values held (at most {@code capacity}). */
    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == values.length;
    }

    /** The committed value {@code ago} pushes back: 1 is the newest; {@code ago} must be in 1..size. */
    public double get(int ago) {
        int slot = next - ago;
        return values[slot < 0 ? slot + values.length : slot];
    }

    public void push(double value) {
        if (isFull()) {
            double evicted = values[next] - shift;
            sum -= evicted;
            sumOfSquares -= evicted * evicted;
        } else {
            if (size == 0) {
                shift = value; // the first value: deviations stay small from the start
            }
            size++;
        }
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        double deviation = value - shift;
        sum += deviation;
        sumOfSquares += deviation * deviation;
        if (++pushesSinceRecompute >= recomputeInterval) {
            recompute(value);
        }
    }

    /** How many values a window ending with a tentative value holds. */
    public int sizeWith() {
        return isFull() ? size : size + 1;
    }

    /** Sum of the window made of the newest committed values and {@code pending}. */
    public double sumWith(double pending) {
        return shiftedSumWith(pending) + sizeWith() * shift;
    }

    /** Mean of the window made of the newest committed values and {@code pending}. */
    public double meanWith(double pending) {
        int n = sizeWith();
        return shift + shiftedSumWith(pending) / n;
    }

    /** Population variance of the window made of the newest committed values and {@code pending}. */
    public double varianceWith(double pending) {
        int n = sizeWith();
        double s1 = shiftedSumWith(pending);
        double d = pending - shift;
        double s2 = sumOfSquares + d * d;
        if (isFull()) {
            double evicted = values[next] - shift;
            s2 -= evicted * evicted;
        }
        double variance = (s2 - s1 * s1 / n) / n;
        return variance > 0.0 ? variance : 0.0;
    }

    private double shiftedSumWith(double pending) {
        double s1 = sum + (pending - shift);
        if (isFull()) {
            s1 -= values[next] - shift;
        }
        return s1;
    }

    private void recompute(double newShift) {
        shift = newShift;
        sum = 0.0;
        sumOfSquares = 0.0;
        for (int i = 1; i <= size; i++) {
            double deviation = get(i) - shift;
            sum += deviation;
            sumOfSquares += deviation * deviation;
        }
        pushesSinceRecompute = 0;
    }
}
