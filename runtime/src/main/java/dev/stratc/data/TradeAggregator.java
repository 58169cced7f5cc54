package dev.stratc.data;

import java.time.Duration;
import java.util.Map;

/**
 * Builds bars of a fixed timeframe from trade ticks. Bars are aligned to multiples of the timeframe since the
 * epoch (a 5-minute bar ends at :05, :10, …) and labelled by their end; an interval without trades has no bar.
 */
final class TradeAggregator {
    private TradeAggregator() {
    }

    static ReadResult aggregate(CsvBarReader.RowSource rows, Map<String, Integer> columns, String source,
                                ReadOptions options) {
        Duration timeframe = options.timeframe();
        if (timeframe == null) {
            throw new DataException(source + ": trade ticks need a timeframe to build bars; pass --timeframe "
                    + "(e.g. 1m, 5m)");
        }
        long tf = timeframe.toMillis();
        int t = columns.getOrDefault("begin", columns.getOrDefault("end", 0));
        int p = columns.get("price");
        int a = columns.get("amount");
        var out = new Bars.Builder(options.symbol(), options.market(), timeframe, 4096);
        var warnings = new java.util.ArrayList<String>();
        long bucketEnd = Long.MIN_VALUE;
        long lastTime = Long.MIN_VALUE;
        double o = 0, h = 0, l = 0, c = 0, v = 0;
        while (rows.next()) {
            long time = rows.time(t, options.market().zone());
            double price = rows.number(p, "price");
            double amount = rows.number(a, "amount");
            String problem = time < lastTime ? "trade time is before the previous trade's: the file is not sorted"
                    : !(price > 0) || Double.isInfinite(price) ? "price " + price + " is not positive"
                    : !(amount >= 0) || Double.isInfinite(amount) ? "amount " + amount + " is not a non-negative number"
                    : null;
            if (problem != null) {
                if (options.repair() == Repair.FAIL) {
                    throw DataException.at(source, rows.line(), problem + " (use --repair drop to leave it out)");
                }
                warnings.add(source + ":" + rows.line() + ": dropped: " + problem);
                continue;
            }
            lastTime = time;
            long end = Math.floorDiv(time, tf) * tf + tf;
            if (end != bucketEnd) {
                if (bucketEnd != Long.MIN_VALUE) {
                    out.add(bucketEnd, o, h, l, c, v);
                }
                bucketEnd = end;
                o = h = l = c = price;
                v = 0;
            }
            h = Math.max(h, price);
            l = Math.min(l, price);
            c = price;
            v += amount;
        }
        if (bucketEnd == Long.MIN_VALUE) {
            throw new DataException(source + ": no trades");
        }
        out.add(bucketEnd, o, h, l, c, v);
        return new ReadResult(out.build(), warnings);
    }
}
