package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.statistics.Correlation;
import dev.stratc.indicators.statistics.Highest;
import dev.stratc.indicators.statistics.LinregSlope;
import dev.stratc.indicators.statistics.Lowest;
import dev.stratc.indicators.statistics.Stdev;
import dev.stratc.indicators.statistics.Variance;
import dev.stratc.indicators.statistics.Zscore;

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
                                + "far until `length` exist.", "close < lowest(low, 20)[1]"),
                fn("stdev", STATISTICS).source().length("length", null, "The number of bars.")
                        .streaming(Stdev.class)
                        .doc("Population standard deviation of the last `length` values; over the values seen so "
                                + "far until `length` exist.", "stdev(close, 20) / sma(20) < 1%"),
                fn("variance", STATISTICS).source().length("length", null, "The number of bars.")
                        .streaming(Variance.class)
                        .doc("Population variance of the last `length` values; over the values seen so far until "
                                + "`length` exist.", "variance(change(close), 20) > 0"),
                fn("zscore", STATISTICS).source().length("length", null, "The number of bars.")
                        .streaming(Zscore.class)
                        .doc("How many standard deviations the value is from the mean of the last `length` "
                                + "values. Partial at first; na when they are all equal.", "zscore(close, 20) < -2"),
                fn("linreg_slope", STATISTICS).source().length("length", null, "The number of bars (at least 2).")
                        .streaming(LinregSlope.class)
                        .doc("The least-squares slope of the last `length` values, in units per bar. Over the "
                                + "values seen so far until `length` exist; na on the first bar.",
                                "linreg_slope(close, 20) > 0"),
                fn("correlation", STATISTICS).series("a", null, "The first series.")
                        .series("b", null, "The second series.")
                        .length("length", null, "The number of bars (at least 2).")
                        .streaming(Correlation.class)
                        .doc("Pearson correlation of two series over the last `length` bars, -1 to 1. Partial at "
                                + "first; na while either series is constant in the window.",
                                "correlation(close, volume, 20) > 0.5"));
    }
}
