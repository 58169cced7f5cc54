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
import org.duckdb.DuckDBConnection;

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
            }
            return new BarStore(path, c);
        } catch (SQLException e) {
            throw new DataException(path + ": cannot open the DuckDB store: " + e.getMessage(), e);
        }
    }

    /** One symbol and timeframe in the store. */
    public record Entry(String market, String symbol, Duration timeframe, long bars, long firstEndMs,
                        long lastEndMs, String source) {
    }

    /** Saves {@code bars}, replacing stored bars of the same symbol and timeframe within their time range. */
    public void save(Bars bars, String source) {
        if (bars.isEmpty()) {
            return;
        }
        long tf = bars.timeframe().toMillis();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement del = connection.prepareStatement(
                    "DELETE FROM bars WHERE symbol = ? AND timeframe_ms = ? AND end_ms BETWEEN ? AND ?")) {
                del.setString(1, bars.symbol());
                del.setLong(2, tf);
                del.setLong(3, bars.time(0));
                del.setLong(4, bars.time(bars.size() - 1));
                del.executeUpdate();
            }
            try (DuckDBAppender a = ((DuckDBConnection) connection).createAppender("main", "bars")) {
                for (int i = 0; i < bars.size(); i++) {
                    a.beginRow().append(bars.market().id()).append(bars.symbol()).append(tf).append(bars.time(i))
                            .append(bars.open(i)).append(bars.high(i)).append(bars.low(i)).append(bars.close(i))
                            .append(bars.volume(i)).append(source).endRow();
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new DataException(path + ": cannot save " + bars.symbol() + ": " + e.getMessage(), e);
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
     */
    public List<Bars> load(List<String> symbols, Duration timeframe, long fromMs, long toMs) {
        StringBuilder sql = new StringBuilder("SELECT market, symbol, end_ms, open, high, low, close, volume, "
                + "timeframe_ms FROM bars WHERE end_ms >= ? AND end_ms < ? AND ");
        sql.append(timeframe != null ? "timeframe_ms = " + timeframe.toMillis()
                : "(symbol, timeframe_ms) IN (SELECT symbol, min(timeframe_ms) FROM bars GROUP BY symbol)");
        if (!symbols.isEmpty()) {
            sql.append(" AND symbol IN (").append("?,".repeat(symbols.size() - 1)).append("?)");
        }
        sql.append(" ORDER BY symbol, end_ms");
        List<Bars> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            ps.setLong(1, fromMs);
            ps.setLong(2, toMs);
            for (int k = 0; k < symbols.size(); k++) {
                ps.setString(3 + k, symbols.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
                Bars.Builder b = null;
                String current = null;
                while (rs.next()) {
                    String symbol = rs.getString(2);
                    if (!symbol.equals(current)) {
                        if (b != null) {
                            out.add(b.build());
                        }
                        current = symbol;
                        b = new Bars.Builder(symbol, Market.of(rs.getString(1)), Duration.ofMillis(rs.getLong(9)),
                                4096);
                    }
                    b.add(rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                            rs.getDouble(8));
                }
                if (b != null) {
                    out.add(b.build());
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DataException(path + ": cannot load bars: " + e.getMessage(), e);
        }
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
