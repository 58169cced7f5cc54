package dev.stratc.indicators.momentum;

import dev.stratc.indicators.averages.Ema;

/**
 * MACD: the fast EMA minus the slow EMA (ta4j's MACDIndicator), its signal line (an EMA of the line, ta4j's
 * {@code getSignalLine}) and the histogram (line minus signal). The line is na for {@code slow} bars, the
 * signal and histogram for {@code slow} more if {@code signal <= slow} (ta4j seeds the signal EMA with the
 * first line value).
 */
public final class Macd {
    private final int slowLength;
    private final int signalLength;
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private double line = Double.NaN;
    private double signalValue = Double.NaN;

    public Macd(int fast, int slow, int signal) {
        if (fast < 1 || signal < 1 || slow <= fast) {
            throw new IllegalArgumentException("macd: need 1 <= fast < slow and signal >= 1, got fast " + fast
                    + ", slow " + slow + ", signal " + signal);
        }
        this.slowLength = slow;
        this.signalLength = signal;
        this.fast = new Ema(fast);
        this.slow = new Ema(slow);
        this.signal = new Ema(signal);
    }

    public double update(int bar, double source) {
        line = fast.update(bar, source) - slow.update(bar, source);
        signalValue = signal.update(bar, line);
        return line;
    }

    public double line() {
        return line;
    }

    public double signal() {
        return signalValue;
    }

    public double histogram() {
        return line - signalValue;
    }

    public int warmup() {
        return Math.max(slowLength, signalLength);
    }
}
