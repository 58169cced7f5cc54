package dev.stratc.compiler.codegen;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

import dev.stratc.strategy.PositionView;

/**
 * What generated strategies call for the language's rules that Java operators do not give: na propagation,
 * comparisons with na being false, durations to bars, the position's values. Public because generated classes
 * live in their own class loader and package.
 */
public final class Ops {
    private Ops() {
    }

    /** Division that gives na, not infinity, for a zero divisor. */
    public static double div(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    /** {@code !=} where a comparison with na is false (Java's {@code NaN != x} is true). */
    public static boolean ne(double a, double b) {
        return a != b && !Double.isNaN(a) && !Double.isNaN(b);
    }

    public static boolean between(double value, double low, double high) {
        return value >= low && value <= high;
    }

    public static double nz(double value, double otherwise) {
        return Double.isNaN(value) ? otherwise : value;
    }

    /** The value {@code offset} bars before {@code index}, from a ring buffer; na before the first bar. */
    public static double history(double[] buffer, int index, int offset) {
        return index - offset < 0 ? Double.NaN : buffer[(index - offset) % buffer.length];
    }

    /** A history offset given by parameters: a whole number of bars from 0 (a parameter override may break this). */
    public static int offset(double bars, String where) {
        if (bars < 0 || bars != Math.rint(bars) || bars > 100_000) {
            throw new IllegalArgumentException(where + ": a history offset must be a whole number of bars from 0 to "
                    + "100000, got " + format(bars));
        }
        return (int) bars;
    }

    /** A length argument: a whole number of bars, at least 1 (a parameter override may break this). */
    public static int length(double bars, String where) {
        if (bars < 1 || bars != Math.rint(bars) || bars > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": the length must be a whole number of at least 1, got "
                    + format(bars));
        }
        return (int) bars;
    }

    /** A duration window in bars of the run's timeframe: {@code price_change_percent(5m)} on 1m bars is 5 bars. */
    public static int bars(double millis, long timeframeMillis, String where) {
        if (timeframeMillis <= 0) {
            throw new IllegalArgumentException(where + " takes a duration, which needs the timeframe of the bars: "
                    + "set timeframe in the strategy header or on the command line");
        }
        return Math.max(1, (int) Math.round(millis / timeframeMillis));
    }

    /** Whether the bar's time of day on the exchange's clock is within [from, to] (minutes after midnight). */
    public static boolean timeBetween(long epochMillis, ZoneId zone, int fromMinute, int toMinute) {
        LocalTime time = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalTime();
        int minute = time.getHour() * 60 + time.getMinute();
        boolean exact = time.getSecond() == 0 && time.getNano() == 0;
        int upper = exact ? toMinute : toMinute - 1;
        return fromMinute <= toMinute ? minute >= fromMinute && minute <= upper
                : minute >= fromMinute || minute <= upper;
    }

    public static double profitPercent(PositionView position, double price) {
        if (!position.isOpen() || !(position.entryPrice() > 0)) {
            return Double.NaN;
        }
        return (price / position.entryPrice() - 1) * 100 * Math.signum(position.quantity());
    }

    public static double pnl(PositionView position, double price) {
        return position.isOpen() ? (price - position.entryPrice()) * position.quantity() : Double.NaN;
    }

    public static double timeSinceEntry(PositionView position, long now) {
        return position.isOpen() && position.entryTime() != Long.MIN_VALUE ? now - position.entryTime() : Double.NaN;
    }

    public static double barsSinceEntry(PositionView position, int index) {
        return position.isOpen() && position.entryBar() >= 0 ? index - position.entryBar() : Double.NaN;
    }

    public static double barsSinceLastEntry(PositionView position, int index) {
        return position.isOpen() && position.lastEntryBar() >= 0 ? index - position.lastEntryBar() : Double.NaN;
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "na";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
    }

    public static String formatPercent(double value) {
        return format(value) + (Double.isNaN(value) ? "" : "%");
    }

    /** A bar length as it is written in a strategy: 5m, 1h, 1d. */
    public static String formatTimeframe(long millis) {
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis / 1000 + "s";
    }

    public static String formatDuration(double millis) {
        if (Double.isNaN(millis)) {
            return "na";
        }
        long seconds = Math.round(millis / 1000);
        return seconds % 60 != 0 || seconds < 60 ? seconds + "s" : seconds / 60 + "m";
    }
}
