package dev.stratc.runtime.engine;

import java.time.Duration;

import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.strategy.BarView;

/**
 * Builds one symbol's bars at the strategy's timeframe from trades, or aggregates the venue's bars when the
 * data comes as bars. Buckets are aligned to the epoch shifted by the exchange's UTC offset, so daily bars
 * start at the exchange's midnight. A bar closes at its end by the market clock plus a grace for late trades
 * ({@link #dueBy}), when the first event of a later bucket arrives, or when a venue bar ends exactly at the
 * bucket's end. A trade stamped before the end of a bar already closed is late: it moves the price (and stops)
 * but no longer changes a bar the strategy has seen.
 */
public final class BarBuilder {
    private final MutableBar bar;
    private final long length;
    private final long offset;
    private boolean open;
    private boolean fromBars;
    /** The end of the last bar closed: trades stamped before it are late. */
    private long closedUntil = Long.MIN_VALUE;

    public BarBuilder(String symbol, Duration timeframe, long utcOffsetMillis) {
        this.bar = new MutableBar(symbol);
        this.length = timeframe.toMillis();
        this.offset = utcOffsetMillis;
        if (length <= 0) {
            throw new IllegalArgumentException("timeframe must be positive: " + timeframe);
        }
    }

    /** The current bar; valid after the first event. */
    public BarView bar() {
        return bar;
    }

    /** Whether the symbol's data comes as bars (stamped with their end) rather than trades. */
    public boolean fromBars() {
        return fromBars;
    }

    /** Whether the bar has begun and not yet been closed. */
    public boolean isOpen() {
        return open;
    }

    /** The bucket a time falls in: [start, start + length). */
    long bucketStart(long time) {
        return Math.floorDiv(time + offset, length) * length - offset;
    }

    /**
     * Adds a trade. When it belongs to a later bucket the open bar is closed first and {@code true} returned:
     * the caller then evaluates {@link #bar()} before calling {@link #startWith}. Trades are ignored for
     * building when the symbol's data comes as bars (they still drive stops).
     */
    public boolean closesBefore(long time) {
        return open && time >= bar.end;
    }

    /** Whether the open bar is due to close at market time {@code clock}: its end plus {@code graceMillis}. */
    public boolean dueBy(long clock, long graceMillis) {
        return open && clock >= bar.end + graceMillis;
    }

    /** The end of the open bar; {@code Long.MAX_VALUE} when none is open. */
    public long openEnd() {
        return open ? bar.end : Long.MAX_VALUE;
    }

    /** Marks the open bar closed (the caller has evaluated it). */
    public void close() {
        open = false;
        closedUntil = Math.max(closedUntil, bar.end);
    }

    /**
     * Applies a trade to the open bar, beginning a new bar when none is open; returns {@code false} for a late
     * trade (stamped within a bar already closed), which is left out.
     */
    public boolean trade(long time, double price, double size) {
        if (fromBars) {
            return true;
        }
        if (time < closedUntil) {
            return false;
        }
        if (!open) {
            long start = bucketStart(time);
            bar.begin(start, start + length, price);
            open = true;
        }
        bar.trade(price, size);
        return true;
    }

    public void quote(double bid, double ask) {
        bar.bid = bid;
        bar.ask = ask;
    }

    /**
     * Merges a venue bar (its {@code time} is its end). Returns whether the timeframe bar is complete with it.
     */
    public boolean venueBar(MarketEvent.Bar venueBar) {
        fromBars = true;
        long start = bucketStart(venueBar.time() - 1);
        if (!open) {
            bar.begin(start, start + length, venueBar.open());
            open = true;
        }
        bar.high = Math.max(bar.high, venueBar.high());
        bar.low = Math.min(bar.low, venueBar.low());
        bar.close = venueBar.close();
        bar.volume += venueBar.volume();
        return venueBar.time() >= bar.end;
    }
}
