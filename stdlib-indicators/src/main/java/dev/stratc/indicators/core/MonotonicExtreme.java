package dev.stratc.indicators.core;

/**
 * The highest (or lowest) value of the last {@code length} bars by a monotonic deque: each value enters and
 * leaves once, so O(1) amortised per bar however long the window. Bars are numbered by the owner; values that
 * are NaN never enter, so the extreme is taken over the bars of the window that have a value.
 */
public final class MonotonicExtreme {
    private final int length;
    private final boolean highest;
    private final int[] bars;
    private final double[] values;
    private int head;
    private int size;

    public MonotonicExtreme(int length, boolean highest) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be at least 1, got " + length);
        }
        this.length = length;
        this.highest = highest;
        this.bars = new int[length];
        this.values = new double[length];
    }

    /**
     * The extreme over bars {@code bar-length+1 .. bar}, where bar {@code bar} holds the tentative {@code pending}
     * and the earlier bars are the committed ones; NaN when none has a value.
     */
    public double extremeWith(int bar, double pending) {
        evictBefore(bar - length + 1);
        if (size == 0) {
            return pending;
        }
        double committed = values[head];
        if (Double.isNaN(pending)) {
            return committed;
        }
        return highest ? Math.max(committed, pending) : Math.min(committed, pending);
    }

    /** The extreme of the committed bars still in the window that ends at {@code bar} (NaN when none). */
    public double committedExtreme(int bar) {
        evictBefore(bar - length + 1);
        return size == 0 ? Double.NaN : values[head];
    }

    /** The bar number of the committed extreme still in the window ending at {@code bar} (the newest on ties). */
    public int committedExtremeBar(int bar) {
        evictBefore(bar - length + 1);
        return size == 0 ? -1 : bars[head];
    }

    /** Commits {@code value} as bar {@code bar} (bars must be pushed in increasing order). */
    public void push(int bar, double value) {
        evictBefore(bar - length + 1);
        if (Double.isNaN(value)) {
            return;
        }
        while (size > 0 && dominated(values[slot(size - 1)], value)) {
            size--;
        }
        int slot = slot(size);
        bars[slot] = bar;
        values[slot] = value;
        size++;
    }

    private boolean dominated(double older, double newer) {
        return highest ? older <= newer : older >= newer;
    }

    private void evictBefore(int firstBar) {
        while (size > 0 && bars[head] < firstBar) {
            head = head + 1 == length ? 0 : head + 1;
            size--;
        }
    }

    private int slot(int offset) {
        int slot = head + offset;
        return slot >= length ? slot - length : slot;
    }
}
