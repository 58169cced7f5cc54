package dev.stratc.data;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A universe in the store read one time window after another, so that a backtest holds one window of bars at a
 * time, not the whole history: memory then depends on the number of symbols and the window, not on the number
 * of days. The window is a whole number of days (or of bars, for coarse timeframes) chosen so that a window
 * holds about {@code barsPerWindow} bars. The rows of every series in every window are counted by one scan before
 * the first window is read (so each window's arrays are allocated at their size), and each window is then one
 * read of the store. Every window lists all series, in symbol order; windows follow each
 * other without gap or overlap, so the concatenated windows are exactly the bars {@link BarStore#load} gives.
 *
 * <p>Closing the windows closes the store they read from.
 */
public final class StoreWindows implements AutoCloseable {
    private static final long DAY_MS = 86_400_000L;

    private final BarStore store;
    private final List<SeriesReader.Series> series;
    private final long start;
    private final long end;
    private final long step;
    private final long totalBars;
    private final int windows;
    private int[][] counts;
    private int window;

    StoreWindows(BarStore store, List<SeriesReader.Series> series, long firstEndMs, long lastEndMs,
                 long barsPerWindow) {
        this.store = store;
        this.series = List.copyOf(series);
        this.totalBars = series.stream().mapToLong(SeriesReader.Series::rows).sum();
        this.start = firstEndMs;
        this.end = series.isEmpty() ? firstEndMs : lastEndMs + 1;
        this.step = windowLength(series, end - firstEndMs, totalBars, barsPerWindow);
        this.windows = series.isEmpty() ? 0 : Math.toIntExact((end - start + step - 1) / step);
    }

    /**
     * The window's length: the span over which the universe holds {@code barsPerWindow} bars, at least one
     * bar of the coarsest series, in whole days when that is a day or more (so a window is whole sessions).
     */
    private static long windowLength(List<SeriesReader.Series> series, long span, long bars, long barsPerWindow) {
        long coarsest = series.stream().mapToLong(s -> s.timeframe().toMillis()).max().orElse(DAY_MS);
        double share = bars == 0 ? 1 : Math.min(1, (double) Math.max(1, barsPerWindow) / bars);
        long length = Math.max(coarsest, (long) (span * share));
        return length >= DAY_MS ? length / DAY_MS * DAY_MS : length;
    }

    /** How many series every window lists. */
    public int seriesCount() {
        return series.size();
    }

    /** The series every window lists, without their bars. */
    public List<Bars> series() {
        return series.stream().map(s -> Bars.builder(s.symbol(), s.market(), s.timeframe()).build()).toList();
    }

    /** All the bars at once: what {@link BarStore#load} reads, without counting them again. */
    List<Bars> all() {
        return store.read(series, start, end);
    }

    /** Bars in all windows together. */
    public long totalBars() {
        return totalBars;
    }

    public boolean hasNext() {
        return window < windows;
    }

    /** The next window's bars, one {@link Bars} per series (empty when a series has none in it). */
    public List<Bars> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more windows");
        }
        if (counts == null) {
            counts = store.windowCounts(series.size(), start, step, windows);    // not needed by all()
        }
        long from = start + window * step;
        long to = Math.min(end, from + step);
        int[] rows = counts[window];
        counts[window++] = null;
        List<SeriesReader.Series> counted = new java.util.ArrayList<>(series.size());
        for (int s = 0; s < series.size(); s++) {
            SeriesReader.Series x = series.get(s);
            counted.add(new SeriesReader.Series(x.symbol(), x.market(), x.timeframe(), rows[s]));
        }
        return store.read(counted, from, to);
    }

    @Override
    public void close() {
        try {
            store.dropSelection();
        } finally {
            store.close();
        }
    }
}
