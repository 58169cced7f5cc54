package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/** source - source[length]: na until {@code length} earlier bars exist. */
public final class Change extends StreamingIndicator {
    private final RollingWindow history;
    private double pending = Double.NaN;

    public Change(int length) {
        requireLength("change", "length", length, 1);
        this.history = new RollingWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        return history.isFull() ? source - history.get(history.capacity()) : Double.NaN;
    }

    public int warmup() {
        return history.capacity();
    }

    @Override
    protected void commit() {
        history.push(pending);
    }
}
