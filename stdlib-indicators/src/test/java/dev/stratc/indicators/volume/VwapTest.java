package dev.stratc.indicators.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class VwapTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** A bar whose typical price is {@code price}. */
    private static double update(Vwap vwap, int bar, String end, double price, double volume) {
        return vwap.update(bar, at(end), price, price, price, volume);
    }

    @Test
    void aSessionIsACalendarDayAndABarEndingAtMidnightClosesTheOldOne() {
        Vwap vwap = new Vwap("UTC");
        assertThat(update(vwap, 0, "2024-01-01T23:55:00Z", 10, 1)).isEqualTo(10);
        assertThat(update(vwap, 1, "2024-01-02T00:00:00Z", 20, 3)).isEqualTo((10 + 60) / 4.0);
        assertThat(update(vwap, 2, "2024-01-02T00:05:00Z", 30, 1)).as("new session").isEqualTo(30);
    }

    @Test
    void sessionsFollowTheZonesCalendar() {
        Vwap vwap = new Vwap("Asia/Seoul");
        assertThat(update(vwap, 0, "2024-01-01T14:55:00Z", 10, 1)).isEqualTo(10); // 23:55 KST
        assertThat(update(vwap, 1, "2024-01-01T15:00:00Z", 20, 1)).isEqualTo(15); // ends 00:00 KST
        assertThat(update(vwap, 2, "2024-01-01T15:05:00Z", 30, 1)).isEqualTo(30); // 00:05 KST, next day
        assertThat(update(vwap, 3, "2024-01-02T00:05:00Z", 40, 3)).isEqualTo((30 + 120) / 4.0); // 09:05 KST
    }

    @Test
    void naUntilTheSessionTraded() {
        Vwap vwap = new Vwap("UTC");
        assertThat(update(vwap, 0, "2024-01-02T00:05:00Z", 30, 0)).isNaN();
        assertThat(update(vwap, 1, "2024-01-02T00:10:00Z", 40, 2)).isEqualTo(40);
    }

    @Test
    void anUnknownZoneIsRefusedWithTheFix() {
        assertThatThrownBy(() -> new Vwap("Seoul")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Seoul'").hasMessageContaining("Asia/Seoul");
    }
}
