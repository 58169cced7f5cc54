package dev.stratc.backtest;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.stratc.data.Market;

/**
 * A perpetual future's funding, written once for {@code stratc backtest} and the simulated exchange (paper and
 * dry runs on simulated accounts), so that both charge the same payments: at each settlement (every 8 hours from
 * 00:00 UTC, {@link Market#FUNDING_INTERVAL_MILLIS}) a position held over it pays its value times the rate, a long
 * paying and a short receiving when the rate is positive. The same rule the exchange applies (Binance: position ×
 * mark price × funding rate); the price is the close of the bar (the last trade) the settlement falls in.
 *
 * <p>The rate of a settlement is the one recorded for the symbol at that settlement (Binance's
 * {@code /fapi/v1/fundingRate} history in the store) when there is one, else the constant ({@code --funding-rate},
 * or the market's default).
 */
public final class FundingRule implements java.io.Serializable {
    /** No funding: a market that is not a perpetual. */
    public static final FundingRule NONE = new FundingRule(0, Map.of(), false);

    private final double percent;
    /** Rates in percent by symbol and settlement time (the start of its 8-hour slot). */
    private final Map<String, NavigableMap<Long, Double>> recorded;
    private final boolean active;

    private FundingRule(double percent, Map<String, NavigableMap<Long, Double>> recorded, boolean active) {
        this.percent = percent;
        this.recorded = recorded;
        this.active = active;
    }

    /** The market's rule: its funding rate per 8 hours when it is a perpetual, {@link #NONE} otherwise. */
    public static FundingRule of(Market market) {
        return market.hasFunding() ? constant(market.fundingPercent()) : NONE;
    }

    /** The same rate, in percent per 8 hours, at every settlement. */
    public static FundingRule constant(double percent) {
        return new FundingRule(percent, Map.of(), true);
    }

    /**
     * This rule with the rates recorded for {@code symbol}: funding time (epoch ms, as the venue stamps it, a few
     * ms after the settlement) to rate in percent. A settlement without a recorded rate keeps the constant.
     */
    public FundingRule withRecorded(String symbol, Map<Long, Double> ratesPercent) {
        if (!active || ratesPercent.isEmpty()) {
            return this;
        }
        Map<String, NavigableMap<Long, Double>> all = new java.util.HashMap<>(recorded);
        NavigableMap<Long, Double> bySlot = new TreeMap<>();
        ratesPercent.forEach((time, rate) -> bySlot.put(slot(time), rate));
        all.put(symbol, bySlot);
        return new FundingRule(percent, Map.copyOf(all), true);
    }

    /** Whether there is funding at all. */
    public boolean active() {
        return active;
    }

    /** The constant rate, percent per 8 hours: the one used where no rate is recorded. */
    public double constantPercent() {
        return percent;
    }

    /** Whether any symbol has a recorded rate series. */
    public boolean hasRecorded() {
        return !recorded.isEmpty();
    }

    /** Whether {@code symbol}'s settlement at {@code settlement} has a recorded rate (else the constant applies). */
    public boolean recordedAt(String symbol, long settlement) {
        NavigableMap<Long, Double> series = recorded.get(symbol);
        return series != null && series.containsKey(slot(settlement));
    }

    /** The settlement times in {@code (after, upTo]}, oldest first. */
    public static long[] settlements(long after, long upTo) {
        long first = Math.floorDiv(after, Market.FUNDING_INTERVAL_MILLIS) + 1;
        long last = Math.floorDiv(upTo, Market.FUNDING_INTERVAL_MILLIS);
        if (last < first) {
            return new long[0];
        }
        long[] times = new long[(int) (last - first + 1)];
        for (int k = 0; k < times.length; k++) {
            times[k] = (first + k) * Market.FUNDING_INTERVAL_MILLIS;
        }
        return times;
    }

    /** The rate, percent, of {@code symbol}'s settlement at {@code settlement}: recorded, else the constant. */
    public double ratePercent(String symbol, long settlement) {
        NavigableMap<Long, Double> series = recorded.get(symbol);
        if (series != null) {
            Double rate = series.get(slot(settlement));
            if (rate != null) {
                return rate;
            }
        }
        return percent;
    }

    /**
     * What a position of {@code quantity} (signed: negative is short) pays at the settlement at {@code settlement}
     * valued at {@code price}: positive is paid, negative received.
     */
    public double payment(String symbol, double quantity, double price, long settlement) {
        if (!active || quantity == 0) {
            return 0;
        }
        return quantity * price * ratePercent(symbol, settlement) / 100;
    }

    private static long slot(long time) {
        return Math.floorDiv(time, Market.FUNDING_INTERVAL_MILLIS) * Market.FUNDING_INTERVAL_MILLIS;
    }
}
