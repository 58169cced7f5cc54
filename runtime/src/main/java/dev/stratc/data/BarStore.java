package dev.stratc.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * An embedded DuckDB file holding bars of many symbols, timeframes and markets — for histories too large for
 * CSV (years of minute bars for the whole KRX). One table, {@code bars}, keyed by (symbol, timeframe, end time);
 * saving bars of a symbol and timeframe replaces the stored ones in the same time range, so re-importing or
 * re-fetching a period is idempotent. {@code source} records where the bars came from ({@code csv:…},
 * {@code synthetic}, and later {@code kis}/{@code binance} from {@code stratc data fetch}). Parquet goes in and
 * out through DuckDB itself, so pandas/polars users can read what stratc stores.
 */
public final class BarStore implements AutoCloseable {
    private final Path path;
    private final Connection connection;

    private BarStore(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    public static BarStore open(Path path) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("""
                        CREATE TABLE IF NOT EXISTS bars (
                          market VARCHAR NOT NULL, symbol VARCHAR NOT NULL, timeframe_ms BIGINT NOT NULL,
                          end_ms BIGINT NOT NULL, open DOUBLE NOT NULL, high DOUBLE NOT NULL, low DOUBLE NOT NULL,
                          close DOUBLE NOT NULL, volume DOUBLE NOT NULL, source VARCHAR NOT NULL)""");
                // a perpetual's recorded funding rates (Binance /fapi/v1/fundingRate), in percent per settlement
                st.execute("""
                        CREATE TABLE IF NOT EXISTS funding_rates (
                          market VARCHAR NOT NULL, symbol VARCHAR NOT NULL, funding_ms BIGINT NOT NULL,
                          rate_percent DOUBLE NOT NULL, source VARCHAR NOT NULL)""");
            }
            return new BarStore(path, c);
        } catch (SQLException e) {
            throw new DataException(path + ": cannot open the DuckDB store: " + e.getMessage(), e);
        }
    }

    /**
     * Saves a perpetual's recorded funding rates (funding time, epoch ms, to rate in percent), replacing stored
     * rates of the symbol within their time range, in one transaction.
     */
    public void saveFundingRates(String market, String symbol, java.util.SortedMap<Long, Double> rates,
                                 String source) {
        if (rates.isEmpty()) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM funding_rates WHERE market = ? AND symbol = ? AND funding_ms BETWEEN ? AND ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO funding_rates VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, market);
                delete.setString(2, symbol);
                delete.setLong(3, rates.firstKey());
                delete.setLong(4, rates.lastKey());
                delete.executeUpdate();
                for (var rate : rates.entrySet()) {
                    insert.setString(1, market);
                    insert.setString(2, symbol);
                    insert.setLong(3, rate.getKey());
                    insert.setDouble(4, rate.getValue());
                    insert.setString(5, source);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataException(path + ": cannot save the funding rates of " + symbol + ": " + e.getMessage(), e);
        }
    }

    /** The recorded funding rates of {@code market}'s symbols: symbol, then funding time to rate in percent. */
    public java.util.Map<String, java.util.Map<Long, Double>> fundingRates(String market) {
        java.util.Map<String, java.util.Map<Long, Double>> all = new java.util.TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT symbol, funding_ms, rate_percent FROM funding_rates WHERE market = ? ORDER BY symbol, funding_ms")) {
            query.setString(1, market);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.computeIfAbsent(rows.getString(1), k -> new java.util.TreeMap<>())
                            .put(rows.getLong(2), rows.getDouble(3));
                }
            }
        } catch (SQLException e) {
            throw new DataException(path + ": cannot read the funding rates: " + e.getMessage(), e);
        }
        return all;
    }

    /** One symbol and timeframe in the store. */
    public record Entry(String market, String symbol, Duration timeframe, long bars, long firstEndMs,
                        long lastEndMs, String source) {
    }

    /** Saves {@code bars}, replacing stored bars of the same symbol and timeframe within their time range. */
    public void save(Bars bars, String source) {
        saveAll(List.of(bars), source);
    }

    /**
     * Saves every series of {@code universe} in one transaction, each replacing the stored bars of its symbol
     * and timeframe within its time range. A failure leaves the store as it was.
     *
     * <p>How, and why (the measurements are in {@code docs/performance.md}): the JDBC appender costs about the
     * same per value whatever it appends, and a string value more, so appending the three text columns on
     * every row cost 1.4× the CPU. The bars go instead, as numbers and a small series number per row,
     * into a temporary staging table through the appender, and DuckDB itself joins them with a table of the
     * series' names into {@code bars}, in batches of {@value #BATCH_ROWS} rows so that staging stays small.
     * The replaced ranges are deleted by one statement joined on that series table: one scan of the store,
     * not one per series.
     */
    public void saveAll(List<Bars> universe, String source) {
        saveSeries(universe.stream().map(b -> new Upload(b, source)).toList());
    }

    /** Bars to save and where they came from ({@code csv:file.csv}, {@code synthetic:…}, {@code kis}). */
    public record Upload(Bars bars, String source) {
    }

    /** {@link #saveAll} for series of different sources: one transaction for all. */
    public void saveSeries(List<Upload> uploads) {
        List<Upload> series = uploads.stream().filter(u -> !u.bars().isEmpty()).toList();
        if (series.isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (List<Upload> group : withoutRepeats(series)) {
                    stageSeries(st, group);
                    if (hasRows(st)) {
                        st.execute("DELETE FROM bars USING stratc_series r WHERE bars.symbol = r.symbol AND "
                                + "bars.timeframe_ms = r.timeframe_ms AND bars.end_ms BETWEEN r.first_ms AND r.last_ms");
                    }
                    appendBars(st, group);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                st.execute("DROP TABLE IF EXISTS stratc_series");
                st.execute("DROP TABLE IF EXISTS stratc_staging");
            }
        } catch (SQLException e) {
            String what = series.size() == 1 ? series.get(0).bars().symbol() : series.size() + " series";
            throw new DataException(path + ": cannot save " + what + ": " + e.getMessage(), e);
        }
    }

    private static final int BATCH_ROWS = 1 << 21;

    /**
     * Splits the uploads where a symbol and timeframe comes again, so that a later upload replaces an earlier
     * one of the same call where they overlap, as two separate saves would.
     */
    private static List<List<Upload>> withoutRepeats(List<Upload> uploads) {
        List<List<Upload>> groups = new ArrayList<>();
        java.util.Set<SeriesKey> keys = new java.util.HashSet<>();
        List<Upload> group = new ArrayList<>();
        for (Upload u : uploads) {
            SeriesKey key = new SeriesKey(u.bars().symbol(), u.bars().timeframe().toMillis());
            if (!keys.add(key)) {
                groups.add(group);
                group = new ArrayList<>();
                keys.clear();
                keys.add(key);
            }
            group.add(u);
        }
        groups.add(group);
        return groups;
    }

    private record SeriesKey(String symbol, long timeframeMs) {
    }

    private void stageSeries(Statement st, List<Upload> series) throws SQLException {
        st.execute("CREATE OR REPLACE TEMP TABLE stratc_series (sid INTEGER, market VARCHAR, symbol VARCHAR, "
                + "timeframe_ms BIGINT, first_ms BIGINT, last_ms BIGINT, source VARCHAR)");
        try (DuckDBAppender a = appender("stratc_series")) {
            for (int sid = 0; sid < series.size(); sid++) {
                Bars b = series.get(sid).bars();
                a.beginRow().append(sid).append(b.market().id()).append(b.symbol()).append(b.timeframe().toMillis())
                        .append(b.time(0)).append(b.time(b.size() - 1)).append(series.get(sid).source()).endRow();
            }
        }
    }

    private void appendBars(Statement st, List<Upload> series) throws SQLException {
        st.execute("CREATE OR REPLACE TEMP TABLE stratc_staging (sid INTEGER, end_ms BIGINT, open DOUBLE, "
                + "high DOUBLE, low DOUBLE, close DOUBLE, volume DOUBLE)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bars SELECT s.market, s.symbol, "
                + "s.timeframe_ms, g.end_ms, g.open, g.high, g.low, g.close, g.volume, s.source "
                + "FROM stratc_staging g JOIN stratc_series s USING (sid)")) {
            int staged = 0;
            int longest = series.stream().mapToInt(u -> u.bars().size()).max().orElse(0);
            DuckDBAppender a = appender("stratc_staging");
            try {
                // Block after block of bar indexes, every series in turn: series on one calendar go in roughly
                // in time order, so DuckDB's per-block minimum and maximum of end_ms let a streamed backtest's
                // time window skip the rest of the table.
                for (int from = 0; from < longest; from += TIME_BLOCK) {
                    for (int sid = 0; sid < series.size(); sid++) {
                        Bars b = series.get(sid).bars();
                        int to = Math.min(b.size(), from + TIME_BLOCK);
                        for (int i = from; i < to; i++) {
                            a.beginRow().append(sid).append(b.time(i)).append(b.open(i)).append(b.high(i))
                                    .append(b.low(i)).append(b.close(i)).append(b.volume(i)).endRow();
                        }
                        staged += Math.max(0, to - from);
                    }
                    if (staged >= BATCH_ROWS || from + TIME_BLOCK >= longest) {
                        a.close();
                        insert.execute();
                        st.execute("TRUNCATE stratc_staging");
                        staged = 0;
                        a = appender("stratc_staging");
                    }
                }
            } finally {
                a.close();
            }
        }
    }

    /** Bars of one series appended together before the next series' (a KRX session is 390 minutes). */
    private static final int TIME_BLOCK = 390;

    private DuckDBAppender appender(String tempTable) throws SQLException {
        return connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", tempTable);
    }

    private static boolean hasRows(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM bars)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    public List<Entry> list() {
        String sql = """
                SELECT market, symbol, timeframe_ms, count(*), min(end_ms), max(end_ms), string_agg(DISTINCT source, ',')
                FROM bars GROUP BY market, symbol, timeframe_ms ORDER BY symbol, timeframe_ms""";
        List<Entry> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Entry(rs.getString(1), rs.getString(2), Duration.ofMillis(rs.getLong(3)), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7)));
            }
            return out;
        } catch (SQLException e) {
            throw new DataException(path + ": cannot list: " + e.getMessage(), e);
        }
    }

    /**
     * Bars of {@code symbols} (all when empty) at {@code timeframe} (each symbol's finest stored when
     * {@code null}), ending in {@code [fromMs, toMs)}, one {@link Bars} per symbol in symbol order.
     *
     * <p>Read through DuckDB's chunked result ({@link DuckDBPreparedStatement#query()}): each 2,048-row chunk
     * hands over its columns as vectors, read straight into primitive arrays sized from a first counting query,
     * with a small integer per row naming the series instead of a symbol string. No {@code ORDER BY}: a series
     * whose rows arrive out of time order is sorted on its own once it is complete. Series with the same bar
     * times share one time array, as the in-memory generator's do.
     */
    public List<Bars> load(List<String> symbols, Duration timeframe, long fromMs, long toMs) {
        try (Statement st = connection.createStatement()) {
            try {
                List<SeriesReader.Series> series = selectSeries(st, symbols, timeframe, fromMs, toMs);
                return series.isEmpty() ? List.of() : readRows(series, fromMs, toMs);
            } finally {
                st.execute("DROP TABLE IF EXISTS " + SELECTION);
            }
        } catch (SQLException e) {
            throw new DataException(path + ": cannot load bars: " + e.getMessage(), e);
        }
    }

    /**
     * The same bars as {@link #load}, read one time window at a time, for universes larger than memory: at
     * most about {@code barsPerWindow} bars are held at once. Every window lists every series of the whole
     * range in the same order (a series without bars in a window is there, empty). The windows keep this
     * store open until they are closed.
     */
    public StoreWindows windows(List<String> symbols, Duration timeframe, long fromMs, long toMs,
                                long barsPerWindow) {
        try (Statement st = connection.createStatement()) {
            List<SeriesReader.Series> series = selectSeries(st, symbols, timeframe, fromMs, toMs);
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            try (ResultSet rs = st.executeQuery("SELECT min(first_ms), max(last_ms) FROM " + SELECTION)) {
                if (rs.next() && !series.isEmpty()) {
                    first = rs.getLong(1);
                    last = rs.getLong(2);
                }
            }
            return new StoreWindows(this, series, first, last, barsPerWindow);
        } catch (SQLException e) {
            throw new DataException(path + ": cannot load bars: " + e.getMessage(), e);
        }
    }

    /**
     * Rows per series and window for windows of {@code stepMs} from {@code startMs}, in one scan of the store:
     * {@code counts[w][sid]}.
     */
    int[][] windowCounts(int seriesCount, long startMs, long stepMs, int windows) {
        int[][] counts = new int[windows][seriesCount];
        String sql = "SELECT s.sid, (b.end_ms - ?) // ? AS w, count(*) FROM bars b JOIN " + SELECTION + " s "
                + "ON b.symbol = s.symbol AND b.timeframe_ms = s.timeframe_ms WHERE b.end_ms >= ? GROUP BY ALL";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, startMs);
            ps.setLong(2, stepMs);
            ps.setLong(3, startMs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long w = rs.getLong(2);
                    if (w < windows) {
                        counts[(int) w][rs.getInt(1)] = Math.toIntExact(rs.getLong(3));
                    }
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new DataException(path + ": cannot count bars: " + e.getMessage(), e);
        }
    }

    void dropSelection() {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + SELECTION);
        } catch (SQLException e) {
            throw new DataException(path + ": " + e.getMessage(), e);
        }
    }

    /** Reads the rows of the selected series (counted in {@code series}) ending in {@code [fromMs, toMs)}. */
    List<Bars> read(List<SeriesReader.Series> series, long fromMs, long toMs) {
        try {
            return readRows(series, fromMs, toMs);
        } catch (SQLException e) {
            throw new DataException(path + ": cannot load bars: " + e.getMessage(), e);
        }
    }

    private List<Bars> readRows(List<SeriesReader.Series> series, long fromMs, long toMs) throws SQLException {
        limitCacheForReading();
        SeriesReader reader = new SeriesReader(series, calendar(series, fromMs, toMs));
        String sql = "SELECT s.sid, b.end_ms, b.open, b.high, b.low, b.close, b.volume FROM bars b "
                + "JOIN " + SELECTION + " s ON b.symbol = s.symbol AND b.timeframe_ms = s.timeframe_ms "
                + "WHERE b.end_ms >= ? AND b.end_ms < ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, fromMs);
            ps.setLong(2, toMs);
            try (DuckDBChunkedResult result = ps.unwrap(DuckDBPreparedStatement.class).query()) {
                while (result.nextChunk()) {
                    reader.read(result.chunk());
                }
            }
        }
        return reader.bars();
    }

    private static final String SELECTION = "stratc_selection";

    /**
     * The bar times of the longest series in the range, in order: the calendar that the series on it share
     * (see {@link SeriesReader}); known before the rows arrive, since a store written in time blocks delivers
     * every series' last bar near the end.
     */
    private long[] calendar(List<SeriesReader.Series> series, long fromMs, long toMs) throws SQLException {
        int longest = 0;
        for (int sid = 1; sid < series.size(); sid++) {
            if (series.get(sid).rows() > series.get(longest).rows()) {
                longest = sid;
            }
        }
        long[] times = new long[series.get(longest).rows()];
        String sql = "SELECT b.end_ms FROM bars b JOIN " + SELECTION + " s ON b.symbol = s.symbol "
                + "AND b.timeframe_ms = s.timeframe_ms WHERE s.sid = ? AND b.end_ms >= ? AND b.end_ms < ? "
                + "ORDER BY b.end_ms";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, longest);
            ps.setLong(2, fromMs);
            ps.setLong(3, toMs);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < times.length && rs.next(); i++) {
                    times[i] = rs.getLong(1);
                }
            }
        }
        return times;
    }

    /**
     * DuckDB keeps the blocks it has read cached up to its memory limit (80 % of the machine by default): a
     * whole-universe read would hold the whole file a second time beside the arrays it fills. A read streams
     * each block once, so a small cache costs it nothing (measured in {@code docs/performance.md}).
     */
    private void limitCacheForReading() throws SQLException {
        if (!readCacheLimited) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET memory_limit = '" + READ_MEMORY_LIMIT + "'");
            }
            readCacheLimited = true;
        }
    }

    private static final String READ_MEMORY_LIMIT = "128MB";
    private boolean readCacheLimited;

    /**
     * Chooses the series of a load into a temporary table {@code (sid, symbol, timeframe_ms)} that the data
     * query joins on, and returns them with their row counts so the arrays can be sized exactly.
     */
    private List<SeriesReader.Series> selectSeries(Statement st, List<String> symbols, Duration timeframe, long fromMs,
                                      long toMs) throws SQLException {
        StringBuilder where = new StringBuilder("end_ms >= " + fromMs + " AND end_ms < " + toMs);
        if (!symbols.isEmpty()) {
            where.append(" AND symbol IN (").append(String.join(",", symbols.stream()
                    .map(sym -> "'" + sym.replace("'", "''") + "'").toList())).append(")");
        }
        if (timeframe != null) {
            where.append(" AND timeframe_ms = ").append(timeframe.toMillis());
        }
        st.execute("CREATE OR REPLACE TEMP TABLE " + SELECTION + " AS "
                + "SELECT (row_number() OVER (ORDER BY symbol) - 1)::INTEGER AS sid, symbol, timeframe_ms, "
                + "market, rows, first_ms, last_ms FROM (SELECT symbol, timeframe_ms, min(market) AS market, "
                + "count(*) AS rows, min(end_ms) AS first_ms, max(end_ms) AS last_ms, "
                + "row_number() OVER (PARTITION BY symbol ORDER BY timeframe_ms) AS finest FROM bars WHERE "
                + where + " GROUP BY symbol, timeframe_ms) WHERE finest = 1");
        List<SeriesReader.Series> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT market, symbol, timeframe_ms, rows FROM " + SELECTION
                + " ORDER BY sid")) {
            while (rs.next()) {
                long rows = rs.getLong(4);
                if (rows > Integer.MAX_VALUE - 8) {
                    throw new DataException(path + ": " + rs.getString(2) + " has " + rows
                            + " bars in the range, more than one series can hold; load a shorter range");
                }
                out.add(new SeriesReader.Series(rs.getString(2), Market.of(rs.getString(1)),
                        Duration.ofMillis(rs.getLong(3)), (int) rows));
            }
        }
        return out;
    }

    /**
     * Writes the stored bars (of {@code symbols}, all when empty) to a Parquet or CSV file, chosen by its
     * extension, with columns market, symbol, timeframe_ms, end_time (UTC timestamp), open … volume, source.
     */
    public long export(Path file, List<String> symbols) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".parquet") ? "FORMAT parquet" : name.endsWith(".csv") ? "FORMAT csv, HEADER"
                : null;
        if (format == null) {
            throw new DataException(file + ": export writes .parquet or .csv files");
        }
        String where = symbols.isEmpty() ? "" : " WHERE symbol IN ("
                + String.join(",", symbols.stream().map(s -> "'" + s.replace("'", "''") + "'").toList()) + ")";
        String sql = "COPY (SELECT market, symbol, timeframe_ms, epoch_ms(end_ms) AS end_time, open, high, low, "
                + "close, volume, source FROM bars" + where + " ORDER BY symbol, timeframe_ms, end_ms) TO '"
                + file.toAbsolutePath().toString().replace("'", "''") + "' (" + format + ")";
        try (Statement st = connection.createStatement()) {
            return st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new DataException(file + ": cannot export: " + e.getMessage(), e);
        }
    }

    /** Imports a Parquet file written by {@link #export} (or with the same columns). */
    public long importParquet(Path file) {
        String f = file.toAbsolutePath().toString().replace("'", "''");
        try (Statement st = connection.createStatement()) {
            return st.executeUpdate("INSERT INTO bars SELECT market, symbol, timeframe_ms, epoch_ms(end_time), "
                    + "open, high, low, close, volume, coalesce(source, 'parquet') FROM read_parquet('" + f + "')");
        } catch (SQLException e) {
            throw new DataException(file + ": cannot import: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataException(path + ": cannot close: " + e.getMessage(), e);
        }
    }
}
