package dev.stratc.indicators.averages;

/**
 * Simple moving average over a ring buffer with a running sum: O(1) per bar, no allocation after
 * construction. Like ta4j's SMAIndicator, it averages the values seen so far until the window is full.
 */
public final class Sma {
    private final int length;
    private final double[] window;
    private int count;
    private int next;
    private double sum;

    private int currentBar = -1;
    private double current = Double.NaN;
    private double value = Double.NaN;

    public Sma(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("sma length must be at least 1, got " + length);
        }
        this.length = length;
        this.window = new double[length];
    }

    public double update(int bar, double source) {
        if (bar != currentBar) {
            commit();
            currentBar = bar;
        }
        current = source;
        if (Double.isNaN(source)) {
            value = Double.NaN;
            return value;
        }
        int size = Math.min(count + 1, length);
        double evicted = count >= length ? window[next] : 0.0;
        value = (sum - evicted + source) / size;
        return value;
    }

    public int warmup() {
        return 0;
    }

    private void commit() {
        if (currentBar < 0 || Double.isNaN(current)) {
            return;
        }
        if (count >= length) {
            sum -= window[next];
        } else {
            count++;
        }
        window[next] = current;
        sum += current;
        next = (next + 1) % length;
    }
}
