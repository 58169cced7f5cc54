package dev.stratc.strategy;

/**
 * Declarative exits ({@code stop_loss}, {@code take_profit}, {@code trailing_stop}, {@code time_stop}). Percents
 * are relative to the entry price (the trailing stop: to the best price since entry); {@code NaN} or
 * {@code Long.MAX_VALUE} when not set. A backtest fills them at the touched price within the bar; a live run
 * checks them on every tick.
 */
public record Stops(double stopLossPercent, double takeProfitPercent, double trailingStopPercent,
                    long timeStopMillis) {

    public static final Stops NONE = new Stops(Double.NaN, Double.NaN, Double.NaN, Long.MAX_VALUE);

    public boolean any() {
        return !Double.isNaN(stopLossPercent) || !Double.isNaN(takeProfitPercent)
                || !Double.isNaN(trailingStopPercent) || timeStopMillis != Long.MAX_VALUE;
    }
}
