package dev.stratc.indicators.core;

/**
 * The highest (or lowest) value of the last {@code length} bars by a monotonic deque: each value enters and
 * leaves once, so O(1) amortised per bar however long the window. Pushing bar b already drops what the window
 * of bar b + 1 no longer holds, so asking for the current bar's extreme is a single comparison. Values that
 * are NaN never enter: the extreme is taken over the bars of the window that have a value.
 */
public final class MonotonicExtreme {
    private final int length;
    private final boolean highest;
    private final int mask;
    private final int[] bars;
    private final double[] values;
    private int head;
    private int tail;
    private int size;

    public MonotonicExtreme(int length, boolean highest) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be at least 1, got " + length);
        }
        this.length = length;
        this.highest = highest;
        int capacity = Integer.highestOneBit(length) == length ? length : Integer.highestOneBit(length) << 1;
        this.mask = capacity - 1;
        this.bars = new int[capacity];
        this.values = new double[capacity];
    }

    /**
     * The extreme over the bar after the last pushed one, holding the tentative {@code pending}, and the
     * committed bars before it in the window; NaN when none has a value.
     */
    public double extremeWith(double pending) {
        if (size == 0) {
            return pending;
        }
        double committed = values[head];
        if (Double.isNaN(pending)) {
            return committed;
        }
        return highest ? Math.max(committed, pending) : Math.min(committed, pending);
    }

    /** Commits {@code value} as bar {@code bar}; bars are pushed one after the other, NaN ones included. */
    public void push(int bar, double value) {
        if (!Double.isNaN(value)) {
            while (size > 0 && dominated(values[(tail - 1) & mask], value)) {
                tail = (tail - 1) & mask;
                size--;
            }
            bars[tail] = bar;
            values[tail] = value;
            tail = (tail + 1) & mask;
            size++;
        }
        int firstBarOfNextWindow = bar + 2 - length;
        while (size > 0 && bars[head] < firstBarOfNextWindow) {
            head = (head + 1) & mask;
            size--;
        }
    }

    private boolean dominated(double older, double newer) {
        return highest ? older <= newer : older >= newer;
    }
}
