package dev.stratc.runtime.risk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** When an exchange trades. */
public sealed interface TradingCalendar {

    boolean isOpen(long epochMillis);

    ZoneId zone();

    String describe();

    static TradingCalendar named(String name, Set<LocalDate> holidays) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "KRX" -> new Session(ZoneId.of("Asia/Seoul"), LocalTime.of(9, 0), LocalTime.of(15, 30), holidays);
            case "CRYPTO" -> new AlwaysOpen();
            default -> throw new IllegalArgumentException("unknown calendar '" + name + "'; use KRX or CRYPTO");
        };
    }

    /** Crypto venues: 24/7. */
    record AlwaysOpen() implements TradingCalendar {
        @Override
        public boolean isOpen(long epochMillis) {
            return true;
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("UTC");
        }

        @Override
        public String describe() {
            return "24/7";
        }
    }

    /** One continuous session on weekdays that are not holidays (KRX 09:00–15:30 Asia/Seoul). */
    record Session(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays) implements TradingCalendar {
        public Session {
            holidays = Set.copyOf(holidays);
        }

        @Override
        public boolean isOpen(long epochMillis) {
            ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(zone);
            DayOfWeek day = time.getDayOfWeek();
            if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || holidays.contains(time.toLocalDate())) {
                return false;
            }
            LocalTime clock = time.toLocalTime();
            return !clock.isBefore(open) && clock.isBefore(close);
        }

        @Override
        public String describe() {
            return "weekdays " + open + "–" + close + " " + zone;
        }
    }
}
