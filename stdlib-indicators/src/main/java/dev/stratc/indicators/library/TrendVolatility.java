package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.trend.Atr;
import dev.stratc.indicators.trend.Bollinger;
import dev.stratc.indicators.trend.TrueRange;

/** Trend and volatility. */
public final class TrendVolatility {
    private static final Category TREND = Category.TREND_VOLATILITY;

    private TrendVolatility() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("atr", TREND).length("length", "14", "The number of bars.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(Atr.class)
                        .doc("Average true range: Wilder's average of the true range, a volatility measure in "
                                + "price units. na for the first `length` bars.", "close - entry_price > 2 * atr(14)"),
                fn("true_range", TREND)
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(TrueRange.class)
                        .doc("True range: the largest of high - low, |high - previous close| and |low - previous "
                                + "close|; high - low on the first bar.", "true_range() > 3 * atr(14)"),
                fn("bollinger", TREND).source()
                        .length("length", "20", "Bars of the average and the deviation.")
                        .number("mult", "2", "Standard deviations between the middle and each band.")
                        .member("upper", "upper", "middle + mult standard deviations.")
                        .member("middle", "middle", "The simple moving average (also the value of `bollinger(...)`).")
                        .member("lower", "lower", "middle - mult standard deviations.")
                        .member("width", "width", "(upper - lower) / middle, in percent.")
                        .member("percent_b", "percentB", "Where the source sits: 0 at the lower band, 1 at the upper.")
                        .streaming(Bollinger.class)
                        .doc("Bollinger bands: a simple moving average and bands `mult` population standard "
                                + "deviations above and below. Uses the bars seen so far until `length` exist.",
                                "close < bollinger(20, 2).lower"));
    }
}
