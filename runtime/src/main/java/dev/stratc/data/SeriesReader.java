package dev.stratc.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBReadableVector;

/**
 * Fills the columns of the series of one store load from DuckDB's result chunks
 * ({@code sid, end_ms, open, high, low, close, volume}), in whatever order the chunks come. The arrays are
 * allocated once at their final size (the row counts are known before the data is read), so a load allocates
 * the bars and nothing per row. When a series is complete it is put in time order if it arrived otherwise, and
 * its time array is replaced by an equal one already held, so that a universe on one calendar keeps one time
 * column, as {@link SyntheticUniverse} does. The times of a series are compared with the calendar (the longest
 * series' times, read first) as they arrive and stored only from where they differ, so a universe on one
 * calendar allocates one time array.
 */
final class SeriesReader {
    /** A series to read: its identity and how many rows the query will return for it. */
    record Series(String symbol, Market market, Duration timeframe, int rows) {
    }

    private final List<Series> series;
    private final long[][] time;
    private final double[][] open;
    private final double[][] high;
    private final double[][] low;
    private final double[][] close;
    private final double[][] volume;
    private final int[] filled;
    /** Whether each series' times so far are those of {@link #calendar}, so that it needs no time array. */
    private final boolean[] onCalendar;
    /** The universe's calendar, shared by every series on it (the first series completed when not given). */
    private long[] calendar;
    private final Map<TimeKey, List<long[]>> calendars = new HashMap<>();

    /** {@code calendar}: the times most series are expected to have, in order (empty when not known). */
    SeriesReader(List<Series> series, long[] calendar) {
        this.series = List.copyOf(series);
        int n = series.size();
        time = new long[n][];
        open = new double[n][];
        high = new double[n][];
        low = new double[n][];
        close = new double[n][];
        volume = new double[n][];
        filled = new int[n];
        onCalendar = new boolean[n];
        this.calendar = calendar.length == 0 ? null : calendar;
        if (this.calendar != null) {
            shared(calendar);
        }
    }

    /** Copies one chunk's rows into their series. */
    void read(DuckDBDataChunkReader chunk) {
        int rows = Math.toIntExact(chunk.rowCount());
        DuckDBReadableVector sid = chunk.vector(0);
        DuckDBReadableVector t = chunk.vector(1);
        DuckDBReadableVector o = chunk.vector(2);
        DuckDBReadableVector h = chunk.vector(3);
        DuckDBReadableVector l = chunk.vector(4);
        DuckDBReadableVector c = chunk.vector(5);
        DuckDBReadableVector v = chunk.vector(6);
        for (int r = 0; r < rows; r++) {
            int s = sid.getInt(r);
            int i = filled[s]++;
            if (i == 0) {
                allocate(s);
            }
            if (i >= open[s].length) {
                throw new DataException(series.get(s).symbol() + ": the store returned more bars than it counted "
                        + "(was it written to during the load?)");
            }
            long endMs = t.getLong(r);
            if (onCalendar[s]) {
                if (calendar[i] != endMs) {
                    leaveCalendar(s, i);
                    time[s][i] = endMs;
                }
            } else {
                time[s][i] = endMs;
            }
            open[s][i] = o.getDouble(r);
            high[s][i] = h.getDouble(r);
            low[s][i] = l.getDouble(r);
            close[s][i] = c.getDouble(r);
            volume[s][i] = v.getDouble(r);
            if (i + 1 == open[s].length) {
                complete(s);
            }
        }
    }

    /**
     * A series' arrays are allocated when its first row arrives: a table written series by series is scanned
     * in about that order, so only a few series are incomplete at a time and the time arrays that turn out
     * to repeat another series' are short-lived.
     */
    private void allocate(int s) {
        int rows = series.get(s).rows();
        onCalendar[s] = calendar != null && calendar.length == rows;
        time[s] = onCalendar[s] ? null : new long[rows];
        open[s] = new double[rows];
        high[s] = new double[rows];
        low[s] = new double[rows];
        close[s] = new double[rows];
        volume[s] = new double[rows];
    }

    /** The loaded series, in the order they were given. */
    List<Bars> bars() {
        List<Bars> out = new ArrayList<>(series.size());
        for (int s = 0; s < series.size(); s++) {
            Series x = series.get(s);
            if (x.rows() == 0) {
                allocate(s);
            }
            if (filled[s] != x.rows()) {
                throw new DataException(x.symbol() + ": the store returned " + filled[s] + " bars of the "
                        + x.rows() + " it counted (was it written to during the load?)");
            }
            out.add(new Bars(x.symbol(), x.market(), x.timeframe(), time[s], open[s], high[s], low[s], close[s],
                    volume[s], x.rows()));
        }
        return out;
    }

    /** A series whose {@code i}-th time differs from the calendar's gets its own times from there on. */
    private void leaveCalendar(int s, int i) {
        onCalendar[s] = false;
        time[s] = new long[calendar.length];
        System.arraycopy(calendar, 0, time[s], 0, i);
    }

    private void complete(int s) {
        if (onCalendar[s]) {
            time[s] = calendar;
            return;
        }
        if (!ascending(time[s])) {
            sortByTime(s);
        }
        time[s] = shared(time[s]);
        if (calendar == null) {
            calendar = time[s];
        }
    }

    private static boolean ascending(long[] t) {
        for (int i = 1; i < t.length; i++) {
            if (t[i] < t[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Puts a series that arrived out of order in time order (stable, so equal times keep their order). */
    private void sortByTime(int s) {
        long[] t = time[s];
        Integer[] order = new Integer[t.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(t[a], t[b]));
        time[s] = permute(t, order);
        open[s] = permute(open[s], order);
        high[s] = permute(high[s], order);
        low[s] = permute(low[s], order);
        close[s] = permute(close[s], order);
        volume[s] = permute(volume[s], order);
    }

    private static long[] permute(long[] a, Integer[] order) {
        long[] out = new long[a.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static double[] permute(double[] a, Integer[] order) {
        double[] out = new double[a.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    /** An equal time array already held, or this one, which is then held for the series after it. */
    private long[] shared(long[] t) {
        if (t.length == 0) {
            return t;
        }
        List<long[]> same = calendars.computeIfAbsent(new TimeKey(t.length, t[0], t[t.length - 1]),
                k -> new ArrayList<>(1));
        for (long[] candidate : same) {
            if (Arrays.equals(candidate, t)) {
                return candidate;
            }
        }
        same.add(t);
        return t;
    }

    private record TimeKey(int length, long first, long last) {
    }
}
