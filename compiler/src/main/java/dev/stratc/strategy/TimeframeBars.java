package dev.stratc.strategy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Bars of a higher timeframe built from a strategy's own bars, for {@code expression @ 1d}: each is complete once
 * a bar ending at its period's end, or a bar of a later period, has been added, and only then is it handed out by
 * {@link #next}. So nothing evaluated on it can see a bar the strategy has not seen, and a backtest and a live run,
 * which feed the same bars, build the same higher bars.
 *
 * <p>Periods end on the exchange's clock: a day at midnight in {@code zone}, an hour or a minute span on the
 * clock's multiples (15m: :00, :15, :30, :45). A bar belongs to the period its end time falls in (a bar ending at
 * 10:00 closes the 9:00–10:00 hour). Adding a bar with the same index as the last one revises it: the state
 * before it is restored first, so a revision counts once.
 */
public final class TimeframeBars implements BarView {
    private final long millis;
    private final ZoneId zone;
    private final String symbol;
    private State state = new State();
    private State beforeLast = new State();
    private int lastIndex = -1;

    /** What the builder holds: the bar being built, completed bars not handed out yet, and the current one. */
    private static final class State {
        boolean building;
        long periodEnd;
        double open;
        double high;
        double low;
        double close;
        double volume;
        double buyVolume;
        double sellVolume;
        /** Completed bars not handed out: {time, open, high, low, close, volume, buy, sell} each. */
        double[][] pending = new double[0][];
        int count;
        double[] current;

        State copy() {
            State copy = new State();
            copy.building = building;
            copy.periodEnd = periodEnd;
            copy.open = open;
            copy.high = high;
            copy.low = low;
            copy.close = close;
            copy.volume = volume;
            copy.buyVolume = buyVolume;
            copy.sellVolume = sellVolume;
            copy.pending = pending.clone();
            copy.count = count;
            copy.current = current;
            return copy;
        }
    }

    /**
     * @param millis          the higher timeframe
     * @param timeframeMillis the strategy's own bars; the higher one must be a whole number of them
     * @param where           the expression, for the message when the run's bars do not allow it
     */
    public TimeframeBars(String symbol, long millis, long timeframeMillis, ZoneId zone, String where) {
        if (timeframeMillis > 0 && (millis < timeframeMillis || millis % timeframeMillis != 0)) {
            throw new IllegalArgumentException(where + " is built from the run's " + length(timeframeMillis)
                    + " bars, so it must be a whole number of them: give the strategy a timeframe that divides it");
        }
        this.symbol = symbol;
        this.millis = millis;
        this.zone = zone;
    }

    private static String length(long millis) {
        return millis % 3_600_000 == 0 ? millis / 3_600_000 + "h" : millis % 60_000 == 0 ? millis / 60_000 + "m"
                : millis / 1000 + "s";
    }

    /** Adds the strategy's bar that just closed (or revises the last one). */
    public void add(BarView bar) {
        if (bar.index() == lastIndex) {
            state = beforeLast.copy();
        } else {
            beforeLast = state.copy();
            lastIndex = bar.index();
        }
        long end = periodEnd(bar.time());
        if (state.building && end != state.periodEnd) {
            complete();
        }
        if (!state.building) {
            state.building = true;
            state.periodEnd = end;
            state.open = bar.open();
            state.high = bar.high();
            state.low = bar.low();
            state.volume = 0;
            state.buyVolume = 0;
            state.sellVolume = 0;
        }
        state.high = Math.max(state.high, bar.high());
        state.low = Math.min(state.low, bar.low());
        state.close = bar.close();
        state.volume += bar.volume();
        state.buyVolume += bar.buyVolume();
        state.sellVolume += bar.sellVolume();
        if (bar.time() >= state.periodEnd) {
            complete();
        }
    }

    private void complete() {
        double[] done = {state.periodEnd, state.open, state.high, state.low, state.close, state.volume,
            state.buyVolume, state.sellVolume};
        double[][] pending = java.util.Arrays.copyOf(state.pending, state.pending.length + 1);
        pending[pending.length - 1] = done;
        state.pending = pending;
        state.building = false;
    }

    /** Moves to the next completed bar not handed out yet; false when there is none. */
    public boolean next() {
        if (state.pending.length == 0) {
            return false;
        }
        state.current = state.pending[0];
        state.pending = java.util.Arrays.copyOfRange(state.pending, 1, state.pending.length);
        state.count++;
        return true;
    }

    /** The end of the period that a bar ending at {@code time} belongs to. */
    long periodEnd(long time) {
        long instant = time - 1;
        if (millis % 86_400_000L == 0) {
            long days = millis / 86_400_000L;
            long epochDay = Instant.ofEpochMilli(instant).atZone(zone).toLocalDate().toEpochDay();
            long endDay = Math.floorDiv(epochDay, days) * days + days;
            return LocalDate.ofEpochDay(endDay).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        long offset = zone.getRules().getOffset(Instant.ofEpochMilli(instant)).getTotalSeconds() * 1000L;
        return Math.floorDiv(instant + offset, millis) * millis + millis - offset;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    /** The number of the current higher bar: 0 for the first completed one. */
    @Override
    public int index() {
        return state.count - 1;
    }

    /** The end of the current higher bar's period. */
    @Override
    public long time() {
        return (long) value(0);
    }

    private double value(int field) {
        return state.current == null ? Double.NaN : state.current[field];
    }

    @Override
    public double open() {
        return value(1);
    }

    @Override
    public double high() {
        return value(2);
    }

    @Override
    public double low() {
        return value(3);
    }

    @Override
    public double close() {
        return value(4);
    }

    @Override
    public double volume() {
        return value(5);
    }

    @Override
    public double bid() {
        return close();
    }

    @Override
    public double ask() {
        return close();
    }

    @Override
    public double buyVolume() {
        return value(6);
    }

    @Override
    public double sellVolume() {
        return value(7);
    }
}
