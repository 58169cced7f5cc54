package dev.stratc.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the time column of market data: epoch seconds, milliseconds or microseconds (told apart by size),
 * ISO-8601 instants with an offset, and local dates or date-times, which are read in the market's time zone.
 */
final class TimeParser {
    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyyMMdd HHmmss"),
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss"),
            DateTimeFormatter.ofPattern("yyyyMMddHHmm"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm[:ss]"));
    private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/MM/dd"),
            DateTimeFormatter.BASIC_ISO_DATE,
            DateTimeFormatter.ofPattern("dd.MM.yyyy"));

    private TimeParser() {
    }

    /** Epoch milliseconds, or throws {@link IllegalArgumentException} with a message saying what was expected. */
    static long parse(String text, ZoneId zone) {
        String s = text.strip();
        if (isEpoch(s)) {
            double n = Double.parseDouble(s);
            if (n < 100_000_000_000d) {
                return Math.round(n * 1000);          // seconds (until the year 5138)
            }
            if (n < 100_000_000_000_000d) {
                return (long) n;                      // milliseconds
            }
            return (long) (n / 1000);                 // microseconds (Binance spot files since 2025)
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not an instant with an offset; try local forms
        }
        if (s.endsWith("Z")) {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // fall through
            }
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter f : LOCAL_DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw new IllegalArgumentException("cannot read '" + text + "' as a time (expected epoch seconds or "
                + "milliseconds, an ISO-8601 date-time, or yyyy-MM-dd[ HH:mm[:ss]])");
    }

    static boolean isEpoch(String s) {
        if (s.isEmpty() || s.length() > 20) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digit = true;
            } else if (ch != '.') {
                return false;
            }
        }
        return digit;
    }
}
