package dev.stratc.backtest;

import java.util.Arrays;

/** Portfolio equity (cash plus positions at the last close) at the end of every bar time of the run. */
public final class EquityCurve {
    private long[] time;
    private double[] equity;
    private boolean[] invested;
    private int size;

    EquityCurve(int capacity) {
        int c = Math.max(16, capacity);
        time = new long[c];
        equity = new double[c];
        invested = new boolean[c];
    }

    void add(long t, double e, boolean inMarket) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            equity = Arrays.copyOf(equity, n);
            invested = Arrays.copyOf(invested, n);
        }
        time[size] = t;
        equity[size] = e;
        invested[size] = inMarket;
        size++;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return time[i];
    }

    public double equity(int i) {
        return equity[i];
    }

    /** Whether any position was open at the end of point {@code i}. */
    public boolean invested(int i) {
        return invested[i];
    }

    public double last() {
        return equity[size - 1];
    }

    /** Drawdown at point {@code i}, as a fraction below the running peak (0 at a new high). */
    public double[] drawdowns() {
        double[] dd = new double[size];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? 1 - equity[i] / peak : 0;
        }
        return dd;
    }
}
