package dev.stratc.bench.backtest;

import java.util.function.IntConsumer;

import dev.stratc.data.Bars;

/**
 * The benchmark's rules written by hand over the bar arrays — the physical limit a compiled strategy is measured
 * against: {@link SmaCrossRsiRules} for entries, next-open entries of one unit, and a 2 % stop / 4 % target
 * filled where the bar touched them (at the open on a gap), stop first when both are touched.
 */
final class HandWrittenSmaCrossRsi {
    private HandWrittenSmaCrossRsi() {
    }

    /** Net profit of one unit per trade; {@code trades[0]} receives the number of closed trades. */
    static double run(Bars bars, int[] trades, IntConsumer entries) {
        int n = bars.size();
        SmaCrossRsiRules rules = new SmaCrossRsiRules();
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
                pendingEntry = false;
                if (entries != null) {
                    entries.accept(i);
                }
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
            boolean enter = rules.update(i, bars.close(i));
            if (!inPosition && enter && i + 1 < n) {
                pendingEntry = true;
            }
        }
        trades[0] = count;
        return profit;
    }
}
