package dev.stratc.indicators.events;

import dev.stratc.indicators.core.StreamingIndicator;

/** Bars since the condition was last true: 0 on a bar where it is true, na until it has been true once. */
public final class BarsSince extends StreamingIndicator {
    private int lastTrue = -1;
    private int pendingLastTrue = -1;

    public double update(int bar, boolean condition) {
        enter(bar);
        pendingLastTrue = condition ? index() : lastTrue;
        return pendingLastTrue < 0 ? Double.NaN : index() - pendingLastTrue;
    }

    public int warmup() {
        return 0;
    }

    @Override
    protected void commit() {
        lastTrue = pendingLastTrue;
    }
}
