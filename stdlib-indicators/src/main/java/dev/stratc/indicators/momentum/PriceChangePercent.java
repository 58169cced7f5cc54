package dev.stratc.indicators.momentum;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * The change of the source over the last {@code length} bars in percent: (source / source[length] - 1) * 100,
 * computed as ta4j's ROCIndicator does. na until {@code length} earlier bars exist (unlike {@code roc}, which
 * compares with the first bar meanwhile), so a scan never reports a surge measured over a shorter window.
 */
public final class PriceChangePercent extends StreamingIndicator {
    private final RollingWindow history;
    private double pending = Double.NaN;

    public PriceChangePercent(int length) {
        requireLength("price_change_percent", "length", length, 1);
        this.history = new RollingWindow(length);
    }

    public double update(int bar, double source) {
        enter(bar);
        pending = source;
        if (!history.isFull()) {
            return Double.NaN;
        }
        double then = history.get(history.capacity());
        return ratio(source - then, then) * 100.0;
    }

    public int warmup() {
        return history.capacity();
    }

    @Override
    protected void commit() {
        history.push(pending);
    }
}
