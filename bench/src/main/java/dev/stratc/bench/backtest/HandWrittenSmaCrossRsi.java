package dev.stratc.bench.backtest;

import dev.stratc.data.Bars;

/**
 * The benchmark's rules written by hand over the bar arrays — the physical limit a compiled strategy is measured
 * against: SMA(10)/SMA(50) cross (ta4j's rule: judged against the last bar where the two differed), RSI(14) < 70
 * (Wilder's smoothing, undefined before bar 14), next-open entries of one unit, and a 2 % stop / 4 % target
 * filled where the bar touched them (at the open on a gap), stop first when both are touched.
 */
final class HandWrittenSmaCrossRsi {
    private HandWrittenSmaCrossRsi() {
    }

    /** Net profit of one unit per trade; {@code trades[0]} receives the number of trades. */
    static double run(Bars bars, int[] trades, java.util.function.IntConsumer entries) {
        int n = bars.size();
        double sumFast = 0;
        double sumSlow = 0;
        double[] closes = new double[50];
        double avgGain = 0;
        double avgLoss = 0;
        double previousClose = Double.NaN;
        int lastSign = 0;
        boolean pendingEntry = false;
        boolean inPosition = false;
        double entry = 0;
        double profit = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double o = bars.open(i);
            if (pendingEntry) {
                inPosition = true;
                entry = o;
                if (entries != null) {
                    entries.accept(i);
                }
                pendingEntry = false;
            }
            if (inPosition) {
                double stop = entry * 0.98;
                double target = entry * 1.04;
                double exit = Double.NaN;
                if (o <= stop || o >= target) {
                    exit = o;
                } else if (bars.low(i) <= stop) {
                    exit = stop;
                } else if (bars.high(i) >= target) {
                    exit = target;
                }
                if (!Double.isNaN(exit)) {
                    profit += exit - entry;
                    count++;
                    inPosition = false;
                }
            }
            double c = bars.close(i);
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
            if (!inPosition && crossedUp && rsi < 70 && i + 1 < n) {
                pendingEntry = true;
            }
        }
        trades[0] = count;
        return profit;
    }
}
