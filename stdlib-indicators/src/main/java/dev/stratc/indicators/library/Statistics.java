package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.statistics.Highest;
import dev.stratc.indicators.statistics.Lowest;

/** Rolling statistics. */
public final class Statistics {
    private static final Category STATISTICS = Category.STATISTICS;

    private Statistics() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("highest", STATISTICS).series("source", "high", "The series to scan.")
                        .length("length", null, "The number of bars.")
                        .streaming(Highest.class)
                        .doc("The highest value of the last `length` bars, this one included; over the bars seen "
                                + "so far until `length` exist.", "close > highest(high, 20)[1]"),
                fn("lowest", STATISTICS).series("source", "low", "The series to scan.")
                        .length("length", null, "The number of bars.")
                        .streaming(Lowest.class)
                        .doc("The lowest value of the last `length` bars, this one included; over the bars seen so "
                                + "far until `length` exist.", "close < lowest(low, 20)[1]"));
    }
}
