package dev.stratc.indicators.volume;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.stratc.indicators.core.StreamingIndicator;

/**
 * Session VWAP: the volume-weighted average of the typical price (high + low + close) / 3 since the session
 * began, a session being a calendar day in {@code zone} (e.g. "Asia/Seoul" for KRX, "UTC" for Binance's
 * daily candles). A bar belongs to the day of its last millisecond (end time - 1 ms), so a bar ending at
 * midnight closes the old session. na until the session has traded. Session boundaries are computed once a
 * day; bars in between cost two comparisons.
 */
public final class Vwap extends StreamingIndicator {
    private final ZoneId zone;
    private long sessionStart = Long.MAX_VALUE;
    private long sessionEnd = Long.MIN_VALUE;
    private double committedWeighted;
    private double committedVolume;
    private long committedSessionStart = Long.MAX_VALUE;
    private long pendingSessionStart;
    private double weighted;
    private double volume;

    public Vwap(String zone) {
        try {
            this.zone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("vwap: unknown time zone '" + zone
                    + "'; use a region id such as \"Asia/Seoul\" or \"UTC\"", e);
        }
    }

    public double update(int bar, long time, double high, double low, double close, double volume) {
        enter(bar);
        long instant = time - 1;
        if (instant < sessionStart || instant >= sessionEnd) {
            LocalDate day = Instant.ofEpochMilli(instant).atZone(zone).toLocalDate();
            sessionStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
            sessionEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        pendingSessionStart = sessionStart;
        boolean sameSession = sessionStart == committedSessionStart;
        double flow = (high + low + close) / 3.0 * volume;
        if (Double.isNaN(flow)) {
            weighted = sameSession ? committedWeighted : 0.0;
            this.volume = sameSession ? committedVolume : 0.0;
            return Double.NaN;
        }
        weighted = (sameSession ? committedWeighted : 0.0) + flow;
        this.volume = (sameSession ? committedVolume : 0.0) + volume;
        return ratio(weighted, this.volume);
    }

    public int warmup() {
        return 0;
    }

    @Override
    protected void commit() {
        committedSessionStart = pendingSessionStart;
        committedWeighted = weighted;
        committedVolume = volume;
    }
}
