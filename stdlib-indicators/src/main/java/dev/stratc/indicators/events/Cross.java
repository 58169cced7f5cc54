package dev.stratc.indicators.events;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * ta4j's cross rule: {@code a} crosses above {@code b} at a bar when {@code a > b} there and, at the last
 * earlier bar where the two differed, {@code a < b}. Bars where they were equal are looked through; a bar
 * where either was na breaks the chain (nothing before it counts), and a bar with an na input is never a cross.
 */
public abstract class Cross extends StreamingIndicator {
    /** -1 when a was below b at the last bar where they differed, +1 above, 0 unknown. */
    private int committedSide;
    private int side;

    public boolean update(int bar, double a, double b) {
        enter(bar);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            side = 0;
            return false;
        }
        side = a > b ? 1 : a < b ? -1 : committedSide;
        return crossed(committedSide, a, b);
    }

    public int warmup() {
        return 1;
    }

    abstract boolean crossed(int earlierSide, double a, double b);

    @Override
    protected void commit() {
        committedSide = side;
    }
}
