package dev.stratc.compiler.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The literal forms a trader writes, also inside quotes: the brief's {@code "3%"} and {@code "5m"} are a percent
 * and a duration, not text.
 */
public final class Literals {
    private static final Pattern PERCENT = Pattern.compile("\\s*(\\d[\\d_]*(?:\\.\\d[\\d_]*)?)\\s*%\\s*");
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d[\\d_]*)\\s*([smhd])\\s*");
    private static final Pattern LEADING_NUMBER = Pattern.compile("(\\d[\\d_]*(?:\\.\\d+)?)(.*)");
    private static final long MAX_MILLIS = 100L * 365 * 24 * 3600 * 1000;

    private Literals() {
    }

    /** {@code "3%"} → 3.0, or {@code null} when the text is not a percent. */
    public static Double percent(String text) {
        Matcher matcher = PERCENT.matcher(text);
        return matcher.matches() ? Double.parseDouble(matcher.group(1).replace("_", "")) : null;
    }

    /** {@code "5m"} → 300000, or {@code null} when the text is not a duration (or longer than a century). */
    public static Long durationMillis(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        double amount = Double.parseDouble(matcher.group(1).replace("_", ""));
        double unit = switch (matcher.group(2)) {
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
        };
        double millis = amount * unit;
        return millis > MAX_MILLIS ? null : (long) millis;
    }

    /** What the user probably meant by {@code 30min}, {@code 2hours}, {@code 10ms}, {@code 2x}. */
    public static String unitHint(String text) {
        Matcher matcher = LEADING_NUMBER.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        String amount = matcher.group(1);
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("ms") || unit.startsWith("milli")) {
            return "durations start at whole seconds: write 1s";
        }
        String[][] units = {{"sec", "s", "seconds"}, {"min", "m", "minutes"}, {"h", "h", "hours"},
            {"d", "d", "days"}, {"s", "s", "seconds"}, {"m", "m", "minutes"}};
        for (String[] candidate : units) {
            if (unit.startsWith(candidate[0])) {
                return "write " + amount + candidate[1] + " for " + amount + " " + candidate[2];
            }
        }
        if (unit.equals("x")) {
            return "write the multiplier as a plain number: " + amount;
        }
        return "write a number (" + amount + "), a percent (" + amount + "%) or a duration (" + amount
                + "m; units s, m, h, d)";
    }
}
