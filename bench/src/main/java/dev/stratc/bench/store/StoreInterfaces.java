package dev.stratc.bench.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;

import dev.stratc.data.BarStore;
import dev.stratc.data.Bars;
import dev.stratc.data.SyntheticUniverse;

/**
 * The DuckDB interfaces the store could use, side by side in one process on the same synthetic bars, each
 * timed by wall clock and by the process's CPU time (the machine is shared: CPU seconds are the steadier
 * figure). Writing: the JDBC appender with every column on every row (market, symbol and source strings
 * included) against {@link BarStore#saveAll} (numbers and a series number through the appender into a staging
 * table, names joined in by DuckDB). Reading: a per-row JDBC {@code ResultSet} with the symbol on every row
 * against the chunked columnar result with a series number, which {@link BarStore#load} uses. Every variant
 * is run twice; the second run is the one to read (the first includes JIT compilation and cold caches).
 *
 * <p>{@code java --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar
 * dev.stratc.bench.store.StoreInterfaces [SYMBOLS] [DAYS]} (default 270 × 20: 2.1 M bars)
 */
public final class StoreInterfaces {
    private StoreInterfaces() {
    }

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 270;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Bars> universe = SyntheticUniverse.of(symbols, days, 1).generate();
        long bars = universe.stream().mapToLong(Bars::size).sum();
        Path dir = Files.createTempDirectory("stratc-store-bench");
        System.out.printf(Locale.ROOT, "%d symbols x %d days = %d bars; load average %s%n", symbols, days, bars,
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| what | wall (s) | CPU (s) | M bars/s (wall) | M bars per CPU-second |");
        System.out.println("|---|---|---|---|---|");
        for (int run = 1; run <= 2; run++) {
            Path a = dir.resolve("appender-" + run + ".duckdb");
            time("write: JDBC appender, every column on every row", bars, () -> appendEveryColumn(a, universe));
            Path b = dir.resolve("store-" + run + ".duckdb");
            time("write: BarStore.saveAll (staging appender + DuckDB join)", bars, () -> {
                try (BarStore store = BarStore.open(b)) {
                    store.saveAll(universe, "synthetic");
                }
            });
            time("read: JDBC ResultSet, row by row, symbol on every row", bars, () -> readRowByRow(b));
            time("read: chunked columnar result, series number per row", bars, () -> readChunked(b));
            time("read: BarStore.load (chunked, into the backtest's arrays)", bars, () -> {
                try (BarStore store = BarStore.open(b)) {
                    store.load(List.of(), null, Long.MIN_VALUE, Long.MAX_VALUE);
                }
            });
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void time(String what, long bars, Step step) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wall = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        step.run();
        double w = (System.nanoTime() - wall) / 1e9;
        double c = (os.getProcessCpuTime() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", what, w, c, bars / w / 1e6,
                bars / c / 1e6);
    }

    private static void appendEveryColumn(Path file, List<Bars> universe) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bars (market VARCHAR NOT NULL, symbol VARCHAR NOT NULL, timeframe_ms BIGINT "
                    + "NOT NULL, end_ms BIGINT NOT NULL, open DOUBLE NOT NULL, high DOUBLE NOT NULL, low DOUBLE NOT "
                    + "NULL, close DOUBLE NOT NULL, volume DOUBLE NOT NULL, source VARCHAR NOT NULL)");
            c.setAutoCommit(false);
            try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("main", "bars")) {
                for (Bars b : universe) {
                    for (int i = 0; i < b.size(); i++) {
                        a.beginRow().append(b.market().id()).append(b.symbol()).append(60_000L).append(b.time(i))
                                .append(b.open(i)).append(b.high(i)).append(b.low(i)).append(b.close(i))
                                .append(b.volume(i)).append("synthetic").endRow();
                    }
                }
            }
            c.commit();
        }
    }

    private static void readRowByRow(Path file) throws SQLException {
        double sum = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT symbol, end_ms, open, high, low, close, volume FROM bars")) {
            String current = "";
            while (rs.next()) {
                String symbol = rs.getString(1);
                if (!symbol.equals(current)) {
                    current = symbol;
                }
                sum += rs.getLong(2) + rs.getDouble(3) + rs.getDouble(4) + rs.getDouble(5) + rs.getDouble(6)
                        + rs.getDouble(7);
            }
        }
        consume(sum);
    }

    private static void readChunked(Path file) throws SQLException {
        double sum = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE sel AS SELECT (row_number() OVER (ORDER BY symbol) - 1)::INTEGER AS sid, "
                    + "symbol FROM (SELECT DISTINCT symbol FROM bars)");
            try (PreparedStatement ps = c.prepareStatement("SELECT s.sid, b.end_ms, b.open, b.high, b.low, b.close, "
                    + "b.volume FROM bars b JOIN sel s USING (symbol)");
                 DuckDBChunkedResult r = ps.unwrap(DuckDBPreparedStatement.class).query()) {
                while (r.nextChunk()) {
                    DuckDBDataChunkReader chunk = r.chunk();
                    int n = Math.toIntExact(chunk.rowCount());
                    DuckDBReadableVector[] v = new DuckDBReadableVector[7];
                    for (int k = 0; k < 7; k++) {
                        v[k] = chunk.vector(k);
                    }
                    for (int i = 0; i < n; i++) {
                        sum += v[0].getInt(i) + v[1].getLong(i) + v[2].getDouble(i) + v[3].getDouble(i)
                                + v[4].getDouble(i) + v[5].getDouble(i) + v[6].getDouble(i);
                    }
                }
            }
        }
        consume(sum);
    }

    private static volatile double sink;

    private static void consume(double value) {
        sink = value;
    }
}
