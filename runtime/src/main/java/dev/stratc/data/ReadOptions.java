package dev.stratc.data;

import java.time.Duration;

/**
 * How to read a file.
 *
 * @param symbol    the symbol (default: the file name without extension)
 * @param market    the market, for its time zone (local date-times are read in it) and price rules
 * @param timeframe the bar length, {@code null} to infer it from the data (required for trade ticks)
 * @param repair    what to do with bad bars
 */
public record ReadOptions(String symbol, Market market, Duration timeframe, Repair repair) {
    public static ReadOptions defaults(Market market) {
        return new ReadOptions(null, market, null, Repair.FAIL);
    }

    public ReadOptions withSymbol(String s) {
        return new ReadOptions(s, market, timeframe, repair);
    }

    public ReadOptions withTimeframe(Duration tf) {
        return new ReadOptions(symbol, market, tf, repair);
    }
}
