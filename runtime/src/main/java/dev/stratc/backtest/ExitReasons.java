package dev.stratc.backtest;

import java.time.Duration;

import dev.stratc.strategy.Stops;

/**
 * A trade's exit reason as the report and trades.csv show it: the stop that fired with its level
 * ({@code stop_loss 1 %}, {@code trailing_stop 0.5 %}, {@code take_profit 3 %}, {@code time_stop 15m}), so a
 * reader need not open the strategy to know which rule closed the trade. Rule exits carry their own text (the
 * rule's condition, or {@code sell(…, tag: "…")}'s tag) and are left as they are.
 */
public final class ExitReasons {
    private ExitReasons() {
    }

    /** The label of a stop exit: {@code reason} ({@link StopRule.Exit#reason()}) with the stop's level. */
    public static String stop(String reason, Stops stops) {
        return switch (reason) {
            case "stop_loss" -> (reason + " " + percent(stops.stopLossPercent())).strip();
            case "trailing_stop" -> (reason + " " + percent(stops.trailingStopPercent())).strip();
            case "take_profit" -> (reason + " " + percent(stops.takeProfitPercent())).strip();
            case "time_stop" -> reason + " " + duration(stops.timeStopMillis());
            default -> reason;
        };
    }

    /** The kind of stop a label names ({@code stop_loss} of {@code stop_loss 1 %}), or the label itself. */
    public static String kind(String label) {
        int space = label.indexOf(' ');
        String head = space < 0 ? label : label.substring(0, space);
        return switch (head) {
            case "stop_loss", "trailing_stop", "take_profit", "time_stop" -> head;
            default -> label;
        };
    }

    private static String percent(double p) {
        if (Double.isNaN(p)) {
            return ""; // a stop at a price level (stop_loss(price: …)): the exit price is that level
        }
        String n = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
        return n + " %";
    }

    private static String duration(long ms) {
        Duration d = Duration.ofMillis(ms);
        if (d.toDays() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
