package dev.stratc.backtest;

import java.util.List;
import java.util.Map;

/**
 * What happened besides the trades: signals emitted by {@code scan}, entries the portfolio could not take (and
 * why), the strategy's {@code log} lines (the first ones), and a perpetual's funding: the total paid (negative:
 * received), the settlements charged and how many of them at a rate recorded in the store.
 */
public record RunStats(long bars, Map<String, Long> signals, long entriesRejectedMaxPositions,
                       long entriesRejectedCash, long ordersIgnored, List<String> logs, double fundingPaid,
                       boolean hasFunding, long fundingSettlements, long fundingRecorded) {
    public RunStats {
        signals = Map.copyOf(signals);
        logs = List.copyOf(logs);
    }

    /** A run on a market without funding. */
    public RunStats(long bars, Map<String, Long> signals, long entriesRejectedMaxPositions, long entriesRejectedCash,
                    long ordersIgnored, List<String> logs) {
        this(bars, signals, entriesRejectedMaxPositions, entriesRejectedCash, ordersIgnored, logs, 0, false, 0, 0);
    }
}
