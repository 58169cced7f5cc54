package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.ExponentialSmoothing;

/** Wilder's moving average (RMA, ta4j's MMAIndicator), alpha = 1 / length; na for the first length bars. */
public final class Rma extends ExponentialSmoothing {
    public Rma(int length) {
        super(checked(length), 1.0 / length);
    }

    private static int checked(int length) {
        requireLength("rma", "length", length, 1);
        return length;
    }
}
