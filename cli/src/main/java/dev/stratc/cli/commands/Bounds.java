package dev.stratc.cli.commands;

import java.util.Locale;

import dev.stratc.cli.CliException;

/**
 * The valid range of a numeric option. A value outside it is refused before anything runs (exit 2), with the
 * option, the value and the range in the message: a negative capital or a 200 % commission would otherwise
 * run to the end and report figures that mean nothing. The ranges are listed in docs/exit-codes.md.
 *
 * @param option     the option's name, {@code --capital}
 * @param min        the least value allowed
 * @param minAllowed whether {@code min} itself is allowed ({@code false}: the value must be above it)
 * @param max        the greatest value allowed (always allowed itself)
 * @param unit       what follows a number in the message: {@code ""}, {@code " %"}, {@code " bars"}
 */
record Bounds(String option, double min, boolean minAllowed, double max, String unit) {
    static final Bounds CAPITAL = above("--capital", 0, 1e15, "");
    static final Bounds MAX_POSITIONS = from("--max-positions", 1, 10_000, "");
    static final Bounds POSITION_SIZE = above("--position-size", 0, 100, " %");
    static final Bounds COMMISSION = from("--commission", 0, 10, " %");
    static final Bounds TAX = from("--tax", 0, 10, " %");
    /** Binance caps a USDⓈ-M funding rate at ±3 % per interval on its most volatile symbols (±0.75 % on most). */
    static final Bounds FUNDING_RATE = from("--funding-rate", -3, 3, " %");
    static final Bounds MIN_COMMISSION = from("--min-commission", 0, 1e9, "");
    static final Bounds LOT_STEP = from("--lot-step", 0, 1e6, "");
    static final Bounds SLIPPAGE_PERCENT = from("--slippage", 0, 10, " %");
    static final Bounds SLIPPAGE_TICKS = from("--slippage", 0, 1_000, " ticks");
    static final Bounds WARMUP = from("--warmup", 0, 1_000_000, " bars");
    static final Bounds HTTP_PORT = from("--http", 0, 65_535, "");
    static final Bounds SPEED = above("--speed", 0, 1e6, "");
    static final Bounds THREADS = from("--threads", 1, 1_024, "");
    static final Bounds TOP = from("--top", 1, 1_000_000, "");

    static Bounds from(String option, double min, double max, String unit) {
        return new Bounds(option, min, true, max, unit);
    }

    static Bounds above(String option, double min, double max, String unit) {
        return new Bounds(option, min, false, max, unit);
    }

    boolean contains(double value) {
        return (minAllowed ? value >= min : value > min) && value <= max;
    }

    /** The value, or a usage error naming the option, the value as written and the range. */
    double check(double value, String written) {
        if (!contains(value)) {
            throw CliException.usage(option + " " + (Double.isInfinite(value) ? "is too large a number"
                    : written + " is out of range") + "; write " + range());
        }
        return value;
    }

    double check(double value) {
        return check(value, number(value));
    }

    int check(int value) {
        check(value, Integer.toString(value));
        return value;
    }

    /** {@code "more than 0 and at most 1e15"}, {@code "0 to 10 %"}. */
    String range() {
        return minAllowed ? number(min) + " to " + number(max) + unit
                : "more than " + number(min) + unit + " and at most " + number(max) + unit;
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1").replaceFirst("e\\+0*", "e");
    }
}
