package dev.stratc.runtime.engine;

import dev.stratc.strategy.Stops;

/** The declarative stops, checked against one price of an open position. */
public final class StopCheck {
    private StopCheck() {
    }

    /**
     * Which stop the price triggers, or {@code null}.
     *
     * @param quantity  the signed position
     * @param bestPrice the most favourable price since entry (highest for a long, lowest for a short)
     */
    public static String triggered(Stops stops, double quantity, double entryPrice, double bestPrice, long entryTime,
                                   double price, long time) {
        if (quantity == 0) {
            return null;
        }
        double direction = Math.signum(quantity);
        double move = direction * (price - entryPrice) / entryPrice * 100;
        if (!Double.isNaN(stops.stopLossPercent()) && move <= -stops.stopLossPercent()) {
            return "stop_loss";
        }
        if (!Double.isNaN(stops.takeProfitPercent()) && move >= stops.takeProfitPercent()) {
            return "take_profit";
        }
        if (!Double.isNaN(stops.trailingStopPercent())
                && direction * (price - bestPrice) / bestPrice * 100 <= -stops.trailingStopPercent()) {
            return "trailing_stop";
        }
        if (stops.timeStopMillis() != Long.MAX_VALUE && time - entryTime >= stops.timeStopMillis()) {
            return "time_stop";
        }
        return null;
    }
}
