package dev.stratc.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bars of one symbol, column by column: the simulation reads these arrays directly, so a run over millions
 * of bars allocates nothing per bar. Times are bar <em>end</em> times in epoch milliseconds (as ta4j uses them).
 * Instances are treated as immutable once built; the arrays are never handed out for writing.
 */
public final class Bars {
    private final String symbol;
    private final Market market;
    private final Duration timeframe;
    private final long[] time;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int size;

    Bars(String symbol, Market market, Duration timeframe, long[] time, double[] open, double[] high, double[] low,
         double[] close, double[] volume, int size) {
        this.symbol = Objects.requireNonNull(symbol);
        this.market = Objects.requireNonNull(market);
        this.timeframe = Objects.requireNonNull(timeframe);
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.size = size;
    }

    public static Builder builder(String symbol, Market market, Duration timeframe) {
        return new Builder(symbol, market, timeframe, 1024);
    }

    public String symbol() {
        return symbol;
    }

    public Market market() {
        return market;
    }

    public Duration timeframe() {
        return timeframe;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long time(int i) {
        return time[i];
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double close(int i) {
        return close[i];
    }

    public double volume(int i) {
        return volume[i];
    }

    public Instant endTime(int i) {
        return Instant.ofEpochMilli(time[i]);
    }

    /** The first index whose end time is at or after {@code epochMillis} ({@link #size()} when none). */
    public int indexAtOrAfter(long epochMillis) {
        int i = Arrays.binarySearch(time, 0, size, epochMillis);
        return i >= 0 ? i : -i - 1;
    }

    /** The bars with end times in {@code [fromMillis, toMillis)}, sharing nothing with this instance. */
    public Bars slice(long fromMillis, long toMillis) {
        int from = indexAtOrAfter(fromMillis);
        int to = indexAtOrAfter(toMillis);
        return range(from, Math.max(from, to));
    }

    /** Bars {@code [from, to)} by index. */
    public Bars range(int from, int to) {
        if (from == 0 && to == size) {
            return this;
        }
        return new Bars(symbol, market, timeframe, Arrays.copyOfRange(time, from, to),
                Arrays.copyOfRange(open, from, to), Arrays.copyOfRange(high, from, to),
                Arrays.copyOfRange(low, from, to), Arrays.copyOfRange(close, from, to),
                Arrays.copyOfRange(volume, from, to), to - from);
    }

    /** Whether this series and {@code other} hold their bar times in one shared array (one calendar). */
    public boolean sharesTimesWith(Bars other) {
        return time == other.time;
    }

    public Bars withSymbol(String newSymbol, Market newMarket) {
        return new Bars(newSymbol, newMarket, timeframe, time, open, high, low, close, volume, size);
    }

    @Override
    public String toString() {
        return size == 0 ? symbol + " (no bars)"
                : symbol + " " + market + " " + timeframe + " " + size + " bars " + endTime(0) + " … "
                        + endTime(size - 1);
    }

    /** Appends bars in time order; {@link #build()} trims the arrays. */
    public static final class Builder {
        private final String symbol;
        private final Market market;
        private final Duration timeframe;
        private long[] time;
        private double[] open;
        private double[] high;
        private double[] low;
        private double[] close;
        private double[] volume;
        private int size;

        public Builder(String symbol, Market market, Duration timeframe, int capacity) {
            this.symbol = symbol;
            this.market = market;
            this.timeframe = timeframe;
            int c = Math.max(16, capacity);
            time = new long[c];
            open = new double[c];
            high = new double[c];
            low = new double[c];
            close = new double[c];
            volume = new double[c];
        }

        public Builder add(long endTimeMillis, double o, double h, double l, double c, double v) {
            if (size == time.length) {
                int n = size * 2;
                time = Arrays.copyOf(time, n);
                open = Arrays.copyOf(open, n);
                high = Arrays.copyOf(high, n);
                low = Arrays.copyOf(low, n);
                close = Arrays.copyOf(close, n);
                volume = Arrays.copyOf(volume, n);
            }
            time[size] = endTimeMillis;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public long lastTime() {
            return time[size - 1];
        }

        public Bars build() {
            return new Bars(symbol, market, timeframe, Arrays.copyOf(time, size), Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size), size);
        }
    }
}
