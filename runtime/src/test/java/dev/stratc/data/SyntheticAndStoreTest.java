package dev.stratc.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticAndStoreTest {
    @TempDir
    Path dir;

    @Test
    void syntheticUniverseIsDeterministicOnTheKrxGridWithinDailyLimits() {
        List<Bars> a = SyntheticUniverse.of(20, 3, 7).generate();
        List<Bars> b = SyntheticUniverse.of(20, 3, 7).generate();
        assertThat(a).hasSize(20);
        for (int s = 0; s < a.size(); s++) {
            Bars x = a.get(s);
            Bars y = b.get(s);
            assertThat(x.size()).isEqualTo(3 * 390);
            double previousClose = x.open(0);
            for (int i = 0; i < x.size(); i++) {
                assertThat(x.close(i)).isEqualTo(y.close(i));
                for (double p : new double[] {x.open(i), x.high(i), x.low(i), x.close(i)}) {
                    double tick = Market.krxTick(p);
                    assertThat(Math.abs(p / tick - Math.rint(p / tick))).as("%s on the tick grid", p)
                            .isLessThan(1e-9);
                }
                assertThat(x.high(i)).isGreaterThanOrEqualTo(Math.max(x.open(i), x.close(i)));
                assertThat(x.low(i)).isLessThanOrEqualTo(Math.min(x.open(i), x.close(i)));
                if (i % 390 == 389) {
                    previousClose = x.close(i);
                } else if (i >= 390) {
                    assertThat(x.close(i) / previousClose).isBetween(0.69, 1.31);
                }
            }
        }
        var first = Instant.ofEpochMilli(a.get(0).time(0)).atZone(ZoneId.of("Asia/Seoul"));
        assertThat(first.toLocalTime().toString()).isEqualTo("09:01");
        var last = Instant.ofEpochMilli(a.get(0).time(389)).atZone(ZoneId.of("Asia/Seoul"));
        assertThat(last.toLocalTime().toString()).isEqualTo("15:30");
    }

    @Test
    void storeRoundTripsBarsReplacesOverlapsAndExportsParquet() {
        Path db = dir.resolve("bars.duckdb");
        List<Bars> u = SyntheticUniverse.of(3, 1, 1).generate();
        try (BarStore store = BarStore.open(db)) {
            for (Bars b : u) {
                store.save(b, "synthetic");
            }
            store.save(u.get(0), "synthetic");          // the same range again replaces, not duplicates
            assertThat(store.list()).hasSize(3).allSatisfy(e -> assertThat(e.bars()).isEqualTo(390));
            List<Bars> back = store.load(List.of("SYN0002"), null, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(back).hasSize(1);
            assertThat(back.get(0).market()).isEqualTo(Market.KRX);
            for (int i = 0; i < 390; i++) {
                assertThat(back.get(0).time(i)).isEqualTo(u.get(1).time(i));
                assertThat(back.get(0).close(i)).isEqualTo(u.get(1).close(i));
            }
            assertThat(store.export(dir.resolve("out.parquet"), List.of())).isEqualTo(3 * 390);
        }
        try (BarStore other = BarStore.open(dir.resolve("other.duckdb"))) {
            assertThat(other.importParquet(dir.resolve("out.parquet"))).isEqualTo(3 * 390);
            assertThat(other.load(List.of(), null, Long.MIN_VALUE, Long.MAX_VALUE).get(2).close(100))
                    .isEqualTo(u.get(2).close(100));
        }
    }
}
