package dev.stratc.indicators.events;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * ta4j's IsRisingRule / IsFallingRule: of the last {@code length} bars, at least 99 % must have moved in the
 * direction (so every one of them below 100 bars). Bars are compared with the bar before; the first bar and
 * na values never count as a move. O(1) per bar with a ring of move flags.
 */
public abstract class Trend extends StreamingIndicator {
    private final boolean[] moves;
    private final int required;
    private int next;
    private int count;
    private double previous = Double.NaN;
    private double source = Double.NaN;
    private boolean moved;

    Trend(String function, int length) {
        requireLength(function, "length", length, 1);
        this.moves = new boolean[length];
        int needed = 0;
        while ((double) needed / length < 0.99) { // ta4j's test, evaluated the same way
            needed++;
        }
        this.required = needed;
    }

    public boolean update(int bar, double source) {
        enter(bar);
        this.source = source;
        moved = movedInDirection(previous, source);
        int total = count - (moves[next] ? 1 : 0) + (moved ? 1 : 0);
        return total >= required;
    }

    abstract boolean movedInDirection(double before, double now);

    public int warmup() {
        return moves.length;
    }

    @Override
    protected void commit() {
        count += (moved ? 1 : 0) - (moves[next] ? 1 : 0);
        moves[next] = moved;
        next = next + 1 == moves.length ? 0 : next + 1;
        previous = source;
    }
}
