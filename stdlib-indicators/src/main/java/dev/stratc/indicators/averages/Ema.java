package dev.stratc.indicators.averages;

import dev.stratc.indicators.core.ExponentialSmoothing;

/** Exponential moving average, alpha = 2 / (length + 1); ta4j's EMAIndicator warm-up (na for length bars). */
public final class Ema extends ExponentialSmoothing {
    public Ema(int length) {
        super(checked(length), 2.0 / (length + 1));
    }

    private static int checked(int length) {
        requireLength("ema", "length", length, 1);
        return length;
    }
}
