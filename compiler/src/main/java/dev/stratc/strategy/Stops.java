package dev.stratc.strategy;

/**
 * Declarative exits ({@code stop_loss}, {@code take_profit}, {@code trailing_stop}, {@code time_stop}). Percents
 * are relative to the entry price (the trailing stop: to the best price since entry); {@code NaN} or
 * {@code Long.MAX_VALUE} when not set. A stop or target may instead be a price ({@code stop_loss(price: …)}) and
 * the trailing stop a distance in price ({@code trailing_stop(atr(14) * 2)}): those are evaluated by the strategy
 * for the position they protect ({@link SymbolStrategy#stops(PositionView)}). A backtest fills them at the touched
 * price within the bar; a live run checks them on every tick.
 */
public record Stops(double stopLossPercent, double takeProfitPercent, double trailingStopPercent,
                    long timeStopMillis, double stopLossPrice, double takeProfitPrice, double trailingDistance) {

    public static final Stops NONE = new Stops(Double.NaN, Double.NaN, Double.NaN, Long.MAX_VALUE);

    /** Stops in percent of the entry price only. */
    public Stops(double stopLossPercent, double takeProfitPercent, double trailingStopPercent, long timeStopMillis) {
        this(stopLossPercent, takeProfitPercent, trailingStopPercent, timeStopMillis, Double.NaN, Double.NaN,
                Double.NaN);
    }

    public boolean any() {
        return !Double.isNaN(stopLossPercent) || !Double.isNaN(takeProfitPercent)
                || !Double.isNaN(trailingStopPercent) || timeStopMillis != Long.MAX_VALUE
                || !Double.isNaN(stopLossPrice) || !Double.isNaN(takeProfitPrice) || !Double.isNaN(trailingDistance);
    }
}
