package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Rate of change in percent over {@code length} bars, exactly ta4j's ROCIndicator: while fewer than
 * {@code length} earlier bars exist it compares with the first bar.
 */
public final class Roc extends StreamingIndicator {
    private final RollingWindow history;
    private double first = Double.NaN;
    private double pending = Double.NaN;

    public Roc(int length) {
        requireLength("roc", "length", length, 1);
        this.history = new RollingWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        double then = history.isFull() ? history.get(history.capacity()) : index() == 0 ? source : first;
        return ratio(source - then, then) * 100.0;
    }

    public int warmup() {
        return history.capacity();
    }

    @Override
    protected void commit() {
        if (index() == 0) {
            first = pending;
        }
        history.push(pending);
    }
}
