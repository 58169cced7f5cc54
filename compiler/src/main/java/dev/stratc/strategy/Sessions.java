package dev.stratc.strategy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The trading session of one symbol's bars, for {@code session_open}, {@code session_high},
 * {@code minutes_since_open}, {@code value_at("09:30", x)} and {@code opening_high(30m)}. A session is a trading
 * day on the exchange's clock ({@code Asia/Seoul} for KRX, {@code America/New_York} for US shares, UTC for crypto):
 * it opens with its first bar, at that bar's begin (its end less the bar length), so a KRX day of 1-minute bars
 * opens at 09:00 with the bar ending 09:01. A bar belongs to the day its last instant falls in (a daily bar ending
 * at midnight, to the day before). Backtests and live runs feed the same bars, so they see the same sessions.
 *
 * <p>An update with the same bar index as the last one revises that bar: the state before it is restored first.
 */
public final class Sessions {
    private final ZoneId zone;
    private final long barMillis;
    private State state = new State();
    private State before = new State();
    private int lastIndex = -1;
    /** The day the cached bounds are of, [dayStart, dayEnd) in epoch milliseconds. */
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private LocalDate cachedDay;

    private static final class State {
        LocalDate day;
        boolean open;
        long start;
        double high = Double.NaN;
        double low = Double.NaN;
        int minuteOfDay;
        long time;

        State copy() {
            State copy = new State();
            copy.day = day;
            copy.open = open;
            copy.start = start;
            copy.high = high;
            copy.low = low;
            copy.minuteOfDay = minuteOfDay;
            copy.time = time;
            return copy;
        }
    }

    public Sessions(ZoneId zone, long barMillis) {
        this.zone = zone;
        this.barMillis = Math.max(0, barMillis);
    }

    /** The bar that just closed (or a revision of it). */
    public void update(int index, long time, double high, double low) {
        if (index == lastIndex) {
            state = before.copy();
        } else {
            before = state.copy();
            lastIndex = index;
        }
        LocalDate day = dayOf(time);
        State s = state;
        s.open = !day.equals(s.day);
        if (s.open) {
            s.day = day;
            s.start = time - barMillis;
            s.high = high;
            s.low = low;
        } else {
            s.high = Math.max(s.high, high);
            s.low = Math.min(s.low, low);
        }
        s.minuteOfDay = (int) ((time - dayStart) / 60_000);
        s.time = time;
    }

    private LocalDate dayOf(long time) {
        long instant = time - 1;
        if (instant < dayStart || instant >= dayEnd) {
            cachedDay = LocalDate.ofInstant(Instant.ofEpochMilli(instant), zone);
            dayStart = cachedDay.atStartOfDay(zone).toInstant().toEpochMilli();
            dayEnd = cachedDay.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        return cachedDay;
    }

    /** Whether this bar is the session's first. */
    public boolean isOpen() {
        return state.open;
    }

    /** The session's highest high so far, this bar included. */
    public double high() {
        return state.high;
    }

    /** The session's lowest low so far, this bar included. */
    public double low() {
        return state.low;
    }

    /** Minutes from the session's open to this bar's end: 30 for the bar ending 09:30 of a 09:00 open. */
    public double minutesSinceOpen() {
        return state.day == null ? Double.NaN : (state.time - state.start) / 60_000.0;
    }

    /** Milliseconds of this bar's end since the session's open. */
    long sinceOpenMillis(long time) {
        return time - state.start;
    }

    /** 1 for Monday … 7 for Sunday, of the session's day. */
    public double weekday() {
        return state.day == null ? Double.NaN : state.day.getDayOfWeek().getValue();
    }

    /** 1 … 31, of the session's day. */
    public double dayOfMonth() {
        return state.day == null ? Double.NaN : state.day.getDayOfMonth();
    }

    /** Minutes of this bar's end since the day's midnight on the exchange's clock (1440 for a bar ending at midnight). */
    public int minuteOfDay() {
        return state.minuteOfDay;
    }

    /**
     * {@code value_at("09:30", x)}: the value {@code x} had at the session's first bar ending at or after that time
     * of day, held for the rest of the session; {@code NaN} before that bar, and on days without one.
     */
    public static final class ValueAt {
        private final int minuteOfDay;
        private double value = Double.NaN;
        private boolean taken;
        private double valueBefore = Double.NaN;
        private boolean takenBefore;
        private int lastIndex = -1;

        public ValueAt(int minuteOfDay) {
            this.minuteOfDay = minuteOfDay;
        }

        /** After {@link Sessions#update} for the same bar; {@code x} is the value at this bar. */
        public void update(Sessions session, int index, double x) {
            if (index == lastIndex) {
                value = valueBefore;
                taken = takenBefore;
            } else {
                valueBefore = value;
                takenBefore = taken;
                lastIndex = index;
            }
            if (session.isOpen()) {
                value = Double.NaN;
                taken = false;
            }
            if (!taken && session.minuteOfDay() >= minuteOfDay) {
                value = x;
                taken = true;
            }
        }

        public double value() {
            return value;
        }
    }

    /**
     * {@code opening_high(30m)} and {@code opening_low(30m)}: the extreme of the session's bars that end within
     * its first {@code window}; {@code NaN} until the bar ending at (or first after) the window's end has closed,
     * then held for the rest of the session.
     */
    public static final class OpeningRange {
        private final long windowMillis;
        private final boolean high;
        private double extreme = Double.NaN;
        private boolean done;
        private double extremeBefore = Double.NaN;
        private boolean doneBefore;
        private int lastIndex = -1;

        public OpeningRange(double windowMillis, boolean high) {
            this.windowMillis = (long) windowMillis;
            this.high = high;
        }

        /** After {@link Sessions#update} for the same bar. */
        public void update(Sessions session, int index, long time, double barHigh, double barLow) {
            if (index == lastIndex) {
                extreme = extremeBefore;
                done = doneBefore;
            } else {
                extremeBefore = extreme;
                doneBefore = done;
                lastIndex = index;
            }
            if (session.isOpen()) {
                extreme = Double.NaN;
                done = false;
            }
            if (done) {
                return;
            }
            long since = session.sinceOpenMillis(time);
            if (since <= windowMillis) {
                double price = high ? barHigh : barLow;
                extreme = Double.isNaN(extreme) ? price : high ? Math.max(extreme, price) : Math.min(extreme, price);
            }
            done = since >= windowMillis;
        }

        /** The range's extreme once the window has passed, else {@code NaN}. */
        public double value() {
            return done ? extreme : Double.NaN;
        }
    }
}
