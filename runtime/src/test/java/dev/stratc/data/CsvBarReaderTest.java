package dev.stratc.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsTheAppleExampleAsDailyBarsEndingAtTheNextMidnight() {
        ReadResult r = CsvBarReader.read(Path.of("..", "examples", "data", "aapl-1d.csv"),
                ReadOptions.defaults(Market.GENERIC));
        Bars b = r.bars();
        assertThat(b.symbol()).isEqualTo("aapl-1d");
        assertThat(b.size()).isEqualTo(252);
        assertThat(b.timeframe()).isEqualTo(Duration.ofDays(1));
        assertThat(b.endTime(0)).isEqualTo(Instant.parse("2013-01-03T00:00:00Z"));
        assertThat(b.open(0)).isEqualTo(553.82);
        assertThat(b.close(0)).isEqualTo(549.03);
        assertThat(b.volume(0)).isEqualTo(20018500);
    }

    @Test
    void detectsSemicolonsAndDecimalCommasAndReadsLocalTimesInTheMarketZone() throws IOException {
        Path p = file("005930.csv", """
                Datum;Open;High;Low;Close;Volume
                2026-01-05 09:01;1.234,5;1.240,0;1.230,0;1.238,0;100
                2026-01-05 09:02;1.238,0;1.239,0;1.236,0;1.237,5;50
                """);
        Bars b = CsvBarReader.read(p, ReadOptions.defaults(Market.KRX).withSymbol("005930")).bars();
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.open(0)).isEqualTo(1234.5);
        assertThat(b.close(1)).isEqualTo(1237.5);
        assertThat(b.timeframe()).isEqualTo(Duration.ofMinutes(1));
        // 09:01 KST labels the bar's begin: it ends 09:02 KST = 00:02 UTC
        assertThat(b.endTime(0)).isEqualTo(Instant.parse("2026-01-05T00:02:00Z"));
    }

    @Test
    void readsBinanceKlineFilesWithoutHeaderInMillisecondsOrMicroseconds() throws IOException {
        Path ms = file("BTCUSDT-1m.csv", """
                1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,1519069.1,1327,22.1,934.3,0
                1704067260000,42298.62,42320.00,42298.61,42314.46,21.65748,1704067319999,916331.5,889,12.5,528.9,0
                """);
        Path us = file("BTCUSDT-1m-2025.csv", """
                1735689600000000,93576.00,93610.93,93537.50,93610.93,8.21827,1735689659999999,768950.0,1208,4.3,402.3,0
                1735689660000000,93610.93,93652.00,93606.00,93635.78,9.81149,1735689719999999,918697.0,1136,4.7,440.0,0
                """);
        Bars a = CsvBarReader.read(ms, ReadOptions.defaults(Market.BINANCE)).bars();
        Bars b = CsvBarReader.read(us, ReadOptions.defaults(Market.BINANCE)).bars();
        assertThat(a.endTime(0)).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
        assertThat(a.close(1)).isEqualTo(42314.46);
        assertThat(a.volume(0)).isEqualTo(35.92724);
        assertThat(b.endTime(1)).isEqualTo(Instant.parse("2025-01-01T00:02:00Z"));
        assertThat(b.timeframe()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aggregatesTradeTicksIntoClockAlignedBars() throws IOException {
        Path p = file("ticks.csv", """
                timestamp,price,amount
                1385337600,800.01,0.1
                1385337613,800.05,0.2
                1385337899,799.00,0.3
                1385337900,801.00,1.0
                1385338800,802.00,0.5
                """);
        Bars b = CsvBarReader.read(p, ReadOptions.defaults(Market.GENERIC).withTimeframe(Duration.ofMinutes(5)))
                .bars();
        assertThat(b.size()).isEqualTo(3);      // the empty 00:10–00:20 interval has no bar
        assertThat(b.endTime(0)).isEqualTo(Instant.parse("2013-11-25T00:05:00Z"));
        assertThat(new double[] {b.open(0), b.high(0), b.low(0), b.close(0), b.volume(0)})
                .containsExactly(800.01, 800.05, 799.00, 799.00, 0.6000000000000001);
        assertThat(b.endTime(2)).isEqualTo(Instant.parse("2013-11-25T00:25:00Z"));
    }

    @Test
    void namesFileLineAndProblemForBadBars() throws IOException {
        Path p = file("bad.csv", """
                time,open,high,low,close,volume
                2026-01-05,10,11,9,10,100
                2026-01-06,10,9,11,10,100
                """);
        assertThatThrownBy(() -> CsvBarReader.read(p, ReadOptions.defaults(Market.GENERIC)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("bad.csv:3: high 9.0 is below low 11.0")
                .hasMessageContaining("--repair drop");
    }

    @Test
    void dropRepairKeepsGoodBarsAndReportsEachDroppedOne() throws IOException {
        Path p = file("repair.csv", """
                time,open,high,low,close,volume
                2026-01-05,10,11,9,10,100
                2026-01-05,10,11,9,10,100
                2026-01-07,10,11,9,NaN,100
                2026-01-06,10,11,9,-1,100
                2026-01-08,10,11,9,10.5,100
                2026-01-04,10,11,9,10,100
                """);
        ReadResult r = CsvBarReader.read(p, new ReadOptions(null, Market.GENERIC, Duration.ofDays(1), Repair.DROP));
        assertThat(r.bars().size()).isEqualTo(2);
        assertThat(r.warnings()).hasSize(4);
        assertThat(r.warnings().get(0)).contains("repair.csv:3: dropped: duplicate time");
        assertThat(r.warnings().get(1)).contains("repair.csv:4: dropped: a price or the volume is not a number");
        assertThat(r.warnings().get(2)).contains("repair.csv:5: dropped: non-positive price");
        assertThat(r.warnings().get(3)).contains("repair.csv:7: dropped: time").contains("not sorted");
    }

    @Test
    void namesMissingColumns() throws IOException {
        Path p = file("cols.csv", "date,open,high,close\n2026-01-05,1,2,1.5\n");
        assertThatThrownBy(() -> CsvBarReader.read(p, ReadOptions.defaults(Market.GENERIC)))
                .hasMessageContaining("cols.csv:1: missing column low");
    }

    @Test
    void namesAnUnreadableNumber() throws IOException {
        Path p = file("num.csv", "date,open,high,low,close\n2026-01-05,1,2,x1,1.5\n");
        assertThatThrownBy(() -> CsvBarReader.read(p, ReadOptions.defaults(Market.GENERIC)))
                .hasMessageContaining("num.csv:2: low 'x1' is not a number");
    }
}
