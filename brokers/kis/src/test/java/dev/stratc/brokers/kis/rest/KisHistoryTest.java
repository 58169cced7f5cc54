package dev.stratc.brokers.kis.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.kis.KisFixture;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kis.KisSession;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KisHistoryTest {

    @TempDir
    Path tokens;

    @Test
    void dailyHistoryIsTheWholeRangeOldestFirst() throws Exception {
        try (KisFixture fixture = new KisFixture(tokens)) {
            List<String[]> rows = new ArrayList<>();
            for (LocalDate d = LocalDate.of(2024, 1, 2); d.isBefore(LocalDate.of(2024, 7, 1)); d = d.plusDays(1)) {
                rows.add(new String[] {d.format(DateTimeFormatter.BASIC_ISO_DATE), "100", "110", "90", "105", "7"});
            }
            fixture.kis.setDailyBars(KisFixture.SAMSUNG, rows);
            KisSession session = fixture.session(fixture.config(KisMode.REAL));
            KisHistory history = new KisHistory(session.quotations(), KisMode.REAL, fixture.clock);
            List<KisBar> bars = history.bars("A005930", KisHistory.Timeframe.DAY, LocalDate.of(2024, 2, 1),
                    LocalDate.of(2024, 5, 31));
            assertThat(bars).hasSize(121);
            assertThat(bars.get(0).start().toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 1));
            assertThat(bars.get(120).start().toLocalDate()).isEqualTo(LocalDate.of(2024, 5, 31));
            assertThat(fixture.kis.violations()).isEmpty();

            // Into the backtest's store: end times, KRX market, and the store gives back what was saved.
            var stored = KisHistory.toBars("A005930", KisHistory.Timeframe.DAY, bars);
            assertThat(stored.symbol()).isEqualTo("005930");
            assertThat(stored.time(0)).isEqualTo(java.time.LocalDate.of(2024, 2, 2).atStartOfDay(ZoneId.of("Asia/Seoul"))
                    .toInstant().toEpochMilli());
            try (var store = dev.stratc.data.BarStore.open(tokens.resolve("bars.duckdb"))) {
                store.save(stored, "kis");
                var loaded = store.load(List.of("005930"), java.time.Duration.ofDays(1), 0, Long.MAX_VALUE);
                assertThat(loaded).singleElement().satisfies(b -> {
                    assertThat(b.size()).isEqualTo(121);
                    assertThat(b.close(120)).isEqualTo(105);
                });
            }
        }
    }

    @Test
    void onlyClosedBarsAreFetchedNotTheFormingMinuteNorTodaysUnfinishedDay() throws Exception {
        try (KisFixture fixture = new KisFixture(tokens)) {
            ZoneId seoul = ZoneId.of("Asia/Seoul");
            LocalDate today = fixture.clock.now().atZone(seoul).toLocalDate();
            // 10:30:30 KST today: the 10:30 minute is forming, the day is trading
            fixture.clock.advance(java.time.Duration.between(fixture.clock.now(),
                    today.atTime(10, 30, 30).atZone(seoul).toInstant()));
            String date = today.format(DateTimeFormatter.BASIC_ISO_DATE);
            fixture.kis.setMinuteBars(KisFixture.SAMSUNG, List.of(
                    new String[] {date, "102700", "100", "101", "99", "100", "5"},
                    new String[] {date, "102800", "100", "101", "99", "101", "5"},
                    new String[] {date, "102900", "101", "102", "100", "102", "5"},
                    new String[] {date, "103000", "102", "103", "101", "103", "2"}));
            List<String[]> days = new ArrayList<>();
            for (LocalDate d = today.minusDays(3); !d.isAfter(today); d = d.plusDays(1)) {
                days.add(new String[] {d.format(DateTimeFormatter.BASIC_ISO_DATE), "100", "110", "90", "105", "7"});
            }
            fixture.kis.setDailyBars(KisFixture.SAMSUNG, days);
            KisSession session = fixture.session(fixture.config(KisMode.REAL));
            KisHistory history = new KisHistory(session.quotations(), KisMode.REAL, fixture.clock);

            KisHistory.Fetched minutes = history.closedBars("005930", KisHistory.Timeframe.MINUTE, today, today);
            assertThat(minutes.bars()).extracting(b -> b.start().toLocalTime().toString())
                    .containsExactly("10:27", "10:28", "10:29");
            assertThat(minutes.unfinished()).isOne();

            KisHistory.Fetched daily = history.closedBars("005930", KisHistory.Timeframe.DAY, today.minusDays(3), today);
            assertThat(daily.bars()).extracting(b -> b.start().toLocalDate())
                    .containsExactly(today.minusDays(3), today.minusDays(2), today.minusDays(1));
            assertThat(daily.unfinished()).isOne();

            // after the day's last session today's bar is final
            fixture.clock.advance(java.time.Duration.ofHours(10)); // 20:30:30
            assertThat(history.closedBars("005930", KisHistory.Timeframe.DAY, today.minusDays(3), today).bars())
                    .hasSize(4);
            assertThat(fixture.kis.violations()).isEmpty();
        }
    }

    @Test
    void pastMinuteBarsNeedARealAccount() throws Exception {
        try (KisFixture fixture = new KisFixture(tokens)) {
            KisSession paper = fixture.session(fixture.config(KisMode.PAPER));
            KisHistory history = new KisHistory(paper.quotations(), KisMode.PAPER, fixture.clock);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
            assertThatThrownBy(() -> history.bars("005930", KisHistory.Timeframe.MINUTE, today.minusDays(3), today))
                    .hasMessageContaining("real accounts only");
        }
    }
}
