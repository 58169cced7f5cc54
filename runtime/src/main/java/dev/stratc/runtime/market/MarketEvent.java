package dev.stratc.runtime.market;

import java.io.Serializable;

/**
 * One piece of market data. Every event is keyed by its symbol and is a plain serializable record, so a bus
 * can partition by {@link #symbol()} and carry events between processes. Times are epoch milliseconds (UTC).
 */
public sealed interface MarketEvent extends Serializable {

    String symbol();

    long time();

    /** A trade printed on the venue. */
    record Trade(String symbol, long time, double price, double size) implements MarketEvent {
    }

    /** The best bid and ask. */
    record Quote(String symbol, long time, double bid, double bidSize, double ask, double askSize)
            implements MarketEvent {
    }

    /**
     * A bar the venue aggregated ({@code time} is its end). Bar-only data sets are replayed through the engine
     * as four trades, open → high → low → close (or open → low → high → close on a falling bar).
     */
    record Bar(String symbol, long time, double open, double high, double low, double close, double volume)
            implements MarketEvent {
    }
}
