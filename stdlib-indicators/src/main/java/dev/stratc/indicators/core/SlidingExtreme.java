package dev.stratc.indicators.core;

/**
 * The highest (or lowest) value of the last {@code length} bars in O(1) per bar without data-dependent
 * branches (van Herk / Gil-Werman): the bars are cut into blocks of {@code length}; a window is the tail of
 * the previous block, whose suffix maxima are computed once when that block completes, and the head of the
 * current block, whose running maximum is kept. A monotonic deque does the same work with a branch per
 * popped value, which random prices mispredict. NaN values are left out (the extreme is taken over the bars
 * of the window that have a value); the lowest is the negated highest of the negated values.
 */
public final class SlidingExtreme {
    private final int length;
    private final double sign;
    /** The current block's committed values, negated for the lowest, NaN as -infinity. */
    private final double[] block;
    /** suffix[j] = the extreme of the previous block's values j .. length-1; suffix[length] = -infinity. */
    private final double[] suffix;
    private int position;
    private double prefix = Double.NEGATIVE_INFINITY;

    public SlidingExtreme(int length, boolean highest) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be at least 1, got " + length);
        }
        this.length = length;
        this.sign = highest ? 1.0 : -1.0;
        this.block = new double[length];
        this.suffix = new double[length + 1];
        java.util.Arrays.fill(suffix, Double.NEGATIVE_INFINITY);
    }

    /**
     * The extreme over the bar after the last pushed one, holding the tentative {@code pending}, and the
     * committed bars before it in the window; NaN when none has a value.
     */
    public double extremeWith(double pending) {
        double extreme = max(suffix[position + 1], max(prefix, key(pending)));
        return extreme == Double.NEGATIVE_INFINITY ? Double.NaN : extreme * sign;
    }

    /** Commits {@code value} as the next bar (NaN included: it counts as a bar without a value). */
    public void push(double value) {
        double key = key(value);
        block[position] = key;
        prefix = max(prefix, key);
        if (++position == length) {
            double running = Double.NEGATIVE_INFINITY;
            for (int j = length - 1; j >= 0; j--) {
                running = max(running, block[j]);
                suffix[j] = running;
            }
            position = 0;
            prefix = Double.NEGATIVE_INFINITY;
        }
    }

    private double key(double value) {
        return value == value ? value * sign : Double.NEGATIVE_INFINITY;
    }

    private static double max(double a, double b) {
        return a >= b ? a : b;
    }
}
