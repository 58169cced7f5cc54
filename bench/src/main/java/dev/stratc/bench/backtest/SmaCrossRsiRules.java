package dev.stratc.bench.backtest;

/**
 * The benchmark's entry rule written by hand, one close at a time: SMA(10) crosses above SMA(50) (ta4j's rule:
 * judged against the last bar where the two differed, from bar 50 on) while RSI(14) < 70 (Wilder's smoothing,
 * undefined before bar 14). Shared by the hand-written loop and the hand-written strategy so both apply exactly
 * the same arithmetic.
 */
final class SmaCrossRsiRules {
    private final double[] closes = new double[50];
    private double sumFast;
    private double sumSlow;
    private double avgGain;
    private double avgLoss;
    private double previousClose;
    private int lastSign;

    /** Takes bar {@code i}'s close; whether the entry rule holds at that bar. */
    boolean update(int i, double c) {
        int slot = i % 50;
        sumSlow += c - (i >= 50 ? closes[slot] : 0);
        sumFast += c - (i >= 10 ? closes[(i - 10) % 50] : 0);
        closes[slot] = c;
        if (slot == 49) {
            // add-and-subtract drifts over a million bars; start again from the window every 50 bars
            sumSlow = 0;
            sumFast = 0;
            for (int k = 0; k < 50; k++) {
                sumSlow += closes[k];
            }
            for (int k = 40; k < 50; k++) {
                sumFast += closes[k];
            }
        }
        double rsi = Double.NaN;
        if (i > 0) {
            double change = c - previousClose;
            double gain = Math.max(change, 0);
            double loss = Math.max(-change, 0);
            if (i <= 14) {
                avgGain += gain / 14;
                avgLoss += loss / 14;
            } else {
                avgGain = (avgGain * 13 + gain) / 14;
                avgLoss = (avgLoss * 13 + loss) / 14;
            }
            if (i >= 14) {
                rsi = avgLoss == 0 ? 100 : 100 - 100 / (1 + avgGain / avgLoss);
            }
        }
        previousClose = c;
        double fast = sumFast / Math.min(i + 1, 10);
        double slow = sumSlow / Math.min(i + 1, 50);
        int sign = fast > slow ? 1 : fast < slow ? -1 : 0;
        boolean crossedUp = i >= 50 && sign > 0 && lastSign < 0;
        if (sign != 0) {
            lastSign = sign;
        }
        return crossedUp && rsi < 70;
    }
}
