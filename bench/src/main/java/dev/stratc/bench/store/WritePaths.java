package dev.stratc.bench.store;

import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import dev.stratc.data.BarStore;
import dev.stratc.data.Bars;
import dev.stratc.data.SyntheticUniverse;

/**
 * Ways of writing the same synthetic bars into a DuckDB table of the store's schema, each timed by wall clock and
 * by the process's CPU time (DuckDB's native threads included): {@link BarStore#saveAll} (the appender into a
 * staging table), a CSV file written by Java and loaded with {@code INSERT … SELECT FROM read_csv} (DuckDB's
 * parallel bulk loader), and SQL alone generating rows of the same shape from {@code range()} — no data from
 * Java at all, so DuckDB's own table append is the whole cost: the ceiling of any write path into the table.
 * Two rounds; the second is the one to read.
 *
 * <p>{@code java --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar
 * dev.stratc.bench.store.WritePaths [SYMBOLS] [DAYS]} (default 135 × 20: 1.05 M bars)
 */
public final class WritePaths {
    private WritePaths() {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final String COLS = "market VARCHAR NOT NULL, symbol VARCHAR NOT NULL, timeframe_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL, open DOUBLE NOT NULL, high DOUBLE NOT NULL, low DOUBLE NOT NULL, close DOUBLE NOT NULL, volume DOUBLE NOT NULL, source VARCHAR NOT NULL";
    interface Body { void run() throws Exception; }
    private static void time(String what, long rows, Body body) throws Exception {
        long w = System.nanoTime(); long c = OS.getProcessCpuTime();
        body.run();
        double ws = (System.nanoTime() - w) / 1e9, cs = (OS.getProcessCpuTime() - c) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %.2f |%n", what, ws, cs, rows / cs / 1e6);
    }
    public static void main(String[] a) throws Exception {
        int symbols = a.length > 0 ? Integer.parseInt(a[0]) : 135;
        int days = a.length > 1 ? Integer.parseInt(a[1]) : 20;
        List<Bars> universe = SyntheticUniverse.of(symbols, days, 42).generate();
        long rows = universe.stream().mapToLong(Bars::size).sum();
        Path dir = Files.createTempDirectory("writepaths");
        System.out.println(rows + " bars; | path | wall (s) | process CPU (s) | M bars per CPU second |");
        for (int round = 0; round < 2; round++) {
            Path s1 = dir.resolve("a" + round + ".duckdb");
            time("BarStore.saveAll", rows, () -> { try (BarStore st = BarStore.open(s1)) { st.saveAll(universe, "synthetic"); } });
            Path csv = dir.resolve("b" + round + ".csv");
            Path s2 = dir.resolve("b" + round + ".duckdb");
            time("CSV written by Java, then INSERT … SELECT FROM read_csv", rows, () -> {
                try (Writer out = new BufferedWriter(new FileWriter(csv.toFile()), 1 << 20)) {
                    StringBuilder sb = new StringBuilder(128);
                    for (Bars b : universe) {
                        String m = b.market().id(); long tf = b.timeframe().toMillis();
                        for (int i = 0; i < b.size(); i++) {
                            sb.setLength(0);
                            sb.append(m).append(',').append(b.symbol()).append(',').append(tf).append(',').append(b.time(i)).append(',')
                              .append(b.open(i)).append(',').append(b.high(i)).append(',').append(b.low(i)).append(',')
                              .append(b.close(i)).append(',').append(b.volume(i)).append(",synthetic\n");
                            out.append(sb);
                        }
                    }
                }
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + s2); Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE bars (" + COLS + ")");
                    st.execute("INSERT INTO bars SELECT * FROM read_csv('" + csv + "', header=false, columns={'market':'VARCHAR','symbol':'VARCHAR','timeframe_ms':'BIGINT','end_ms':'BIGINT','open':'DOUBLE','high':'DOUBLE','low':'DOUBLE','close':'DOUBLE','volume':'DOUBLE','source':'VARCHAR'})");
                }
            });
            Path s3 = dir.resolve("c" + round + ".duckdb");
            time("SQL alone: INSERT … SELECT FROM range() (no Java data: DuckDB's ceiling)", rows, () -> {
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + s3); Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE bars (" + COLS + ")");
                    st.execute("INSERT INTO bars SELECT 'KRX', 'SYN' || lpad((i // " + (rows / symbols) + ")::VARCHAR, 4, '0'), 60000, 1700000000000 + (i % " + (rows / symbols) + ") * 60000, 100 + (i % 977) * 0.5, 101 + (i % 977) * 0.5, 99 + (i % 977) * 0.5, 100.5 + (i % 991) * 0.5, (i * 7919) % 100000, 'synthetic' FROM range(" + rows + ") t(i)");
                }
            });
        }
        System.out.println("2nd round is the one to read (JIT and caches warm)");
    }
}
