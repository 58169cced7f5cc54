package dev.stratc.cli.commands;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stratc.cli.CliException;

/** Reads the durations and dates of the command line: {@code 5m}, {@code 1h}, {@code 90d}; {@code 2026-01-05}. */
final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w)");

    private Durations() {
    }

    /** The shortest and the longest bar: a second, a year. */
    static final Duration MIN_TIMEFRAME = Duration.ofSeconds(1);
    static final Duration MAX_TIMEFRAME = Duration.ofDays(366);

    /** A bar length, 1s to 366d. */
    static Duration timeframe(String text) {
        return parse("--timeframe", text, MIN_TIMEFRAME, MAX_TIMEFRAME);
    }

    /** A duration from {@code min} to {@code max}; anything else is a usage error naming the option and the range. */
    static Duration parse(String option, String text, Duration min, Duration max) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw CliException.usage(option + " '" + text + "': write a duration such as 1m, 5m, 1h, 1d, 60d");
        }
        // More digits than a long holds is as far out of range as a long that overflows a Duration.
        Duration d = m.group(1).length() > 12 ? null : switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(Long.parseLong(m.group(1)));
            case "s" -> Duration.ofSeconds(Long.parseLong(m.group(1)));
            case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
            case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
            case "d" -> Duration.ofDays(Long.parseLong(m.group(1)));
            default -> Duration.ofDays(7 * Long.parseLong(m.group(1)));
        };
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw CliException.usage(option + " " + text.strip() + " is out of range; write " + text(min) + " to "
                    + text(max));
        }
        return d;
    }

    /** {@code 1s}, {@code 5m}, {@code 366d}: a duration as a user writes it. */
    static String text(Duration d) {
        if (d.toMillis() % 1_000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    /** A date (start of day in {@code zone}), a local date-time, or an instant; epoch millis. */
    static long instant(String option, String text, ZoneId zone) {
        String s = text.strip();
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the local forms
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw CliException.usage(option + " '" + text + "': write a date (2026-01-05), a date-time "
                    + "(2026-01-05T09:00) or an instant (2026-01-05T00:00:00Z)");
        }
    }
}
