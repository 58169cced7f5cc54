package dev.stratc.backtest;

import dev.stratc.strategy.Stops;

/**
 * When the declarative stops ({@code stop_loss}, {@code take_profit}, {@code trailing_stop}, {@code time_stop})
 * close a position, and at what price the market touched them. One rule for the backtester, the engine of a
 * live or paper run, and the simulated exchange's fills, so a stop exits at the same bar and price in each.
 *
 * <p>A level is a percent of the entry price (of the best price since entry, for the trailing stop), or a price the
 * strategy computed for the position ({@code stop_loss(price: …)}, {@code take_profit(price: …)}), or a distance in
 * price under the best price ({@code trailing_stop(atr(14) * 2)}).
 *
 * <p>On a bar: a gap through a level at the open exits at the open; within the bar the stop is assumed hit
 * before the target (the pessimistic order, since a bar does not tell which came first) and exits at its level;
 * a time stop exits at the close. The stop is the tighter of {@code stop_loss} and {@code trailing_stop}; the
 * trailing level follows the best price of the bars before this one. On a trade: the trade's price, which is
 * at or beyond the level it triggered (trades are discrete: the market touched nothing in between).
 */
public final class StopRule {
    private StopRule() {
    }

    /** A stop that closes the position, and the price the market touched it at (before slippage). */
    public record Exit(String reason, double price) {
    }

    /**
     * The stop a bar triggers, or {@code null}.
     *
     * @param quantity the signed position
     * @param best     the most favourable price since entry before this bar (highest for a long)
     */
    public static Exit onBar(Stops stops, double quantity, double entry, double best, long entryTime,
                             double open, double high, double low, double close, long time) {
        if (quantity == 0 || stops == null || !stops.any()) {
            return null;
        }
        boolean isLong = quantity > 0;
        return onBar(levels(stops, isLong, entry, best), isLong, stops.timeStopMillis(), entryTime, open, high, low,
                close, time);
    }

    /**
     * The same rule with the levels computed beforehand ({@link #levels}): a backtest computes them once per
     * position when they depend on the entry only (no trailing stop), not on every bar.
     */
    public static Exit onBar(Levels levels, boolean isLong, long timeStopMillis, long entryTime,
                             double open, double high, double low, double close, long time) {
        double stop = levels.stop;
        double target = levels.target;
        if (!Double.isNaN(stop) && (isLong ? open <= stop : open >= stop)) {
            return new Exit(levels.stopReason, Fills.touched(stop, open, false));
        }
        if (!Double.isNaN(target) && (isLong ? open >= target : open <= target)) {
            return new Exit("take_profit", Fills.touched(target, open, false));
        }
        if (!Double.isNaN(stop) && (isLong ? low <= stop : high >= stop)) {
            return new Exit(levels.stopReason, Fills.touched(stop, isLong ? low : high, true));
        }
        if (!Double.isNaN(target) && (isLong ? high >= target : low <= target)) {
            return new Exit("take_profit", Fills.touched(target, isLong ? high : low, true));
        }
        if (timeStopMillis != Long.MAX_VALUE && time - entryTime >= timeStopMillis) {
            return new Exit("time_stop", close);
        }
        return null;
    }

    /** The stop one trade triggers, or {@code null}: it exits at the trade's price. */
    public static Exit onTrade(Stops stops, double quantity, double entry, double best, long entryTime,
                               double price, long time) {
        if (quantity == 0 || stops == null || !stops.any()) {
            return null;
        }
        boolean isLong = quantity > 0;
        Levels levels = levels(stops, isLong, entry, best);
        if (!Double.isNaN(levels.stop) && (isLong ? price <= levels.stop : price >= levels.stop)) {
            return new Exit(levels.stopReason, price);
        }
        if (!Double.isNaN(levels.target) && (isLong ? price >= levels.target : price <= levels.target)) {
            return new Exit("take_profit", price);
        }
        if (stops.timeStopMillis() != Long.MAX_VALUE && time - entryTime >= stops.timeStopMillis()) {
            return new Exit("time_stop", price);
        }
        return null;
    }

    /** Where the stop (the tighter of stop loss and trailing stop) and the target are; NaN when not set. */
    public record Levels(double stop, String stopReason, double target) {
    }

    /** The levels of {@code st} for a position entered at {@code entry} whose best price so far is {@code best}. */
    public static Levels levels(Stops st, boolean isLong, double entry, double best) {
        double stop = Double.NaN;
        String reason = null;
        if (!Double.isNaN(st.stopLossPercent())) {
            stop = isLong ? entry * (1 - st.stopLossPercent() / 100) : entry * (1 + st.stopLossPercent() / 100);
            reason = "stop_loss";
        }
        if (!Double.isNaN(st.stopLossPrice())) {
            stop = st.stopLossPrice();                 // a price the strategy computed for this position
            reason = "stop_loss";
        }
        double trail = Double.NaN;
        if (!Double.isNaN(best)) {
            if (!Double.isNaN(st.trailingStopPercent())) {
                trail = isLong ? best * (1 - st.trailingStopPercent() / 100) : best * (1 + st.trailingStopPercent() / 100);
            } else if (st.trailingDistance() > 0) {
                trail = isLong ? best - st.trailingDistance() : best + st.trailingDistance();
            }
        }
        if (!Double.isNaN(trail) && (Double.isNaN(stop) || (isLong ? trail > stop : trail < stop))) {
            stop = trail;
            reason = "trailing_stop";
        }
        double target = Double.NaN;
        if (!Double.isNaN(st.takeProfitPercent())) {
            target = isLong ? entry * (1 + st.takeProfitPercent() / 100) : entry * (1 - st.takeProfitPercent() / 100);
        } else if (!Double.isNaN(st.takeProfitPrice())) {
            target = st.takeProfitPrice();
        }
        return new Levels(stop, reason, target);
    }
}
