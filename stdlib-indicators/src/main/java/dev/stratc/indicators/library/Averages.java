package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.averages.Ema;
import dev.stratc.indicators.averages.Rma;
import dev.stratc.indicators.averages.Sma;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;

/** Moving averages. */
public final class Averages {
    private static final Category AVERAGES = Category.AVERAGES;

    private Averages() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("sma", AVERAGES).source().length("length", null, "The number of bars.")
                        .streaming(Sma.class)
                        .doc("Simple moving average: the mean of the last `length` values. Averages the bars seen "
                                + "so far until `length` bars exist (never na on a price).", "close > sma(50)"),
                fn("ema", AVERAGES).source().length("length", null, "The number of bars.")
                        .streaming(Ema.class)
                        .doc("Exponential moving average, weight 2 / (length + 1). na for the first `length` bars, "
                                + "then starts from the current value (as ta4j).", "ema(9) > ema(21)"),
                fn("rma", AVERAGES).source().length("length", null, "The number of bars.")
                        .streaming(Rma.class)
                        .doc("Wilder's moving average (RMA, SMMA), weight 1 / length, the smoothing inside RSI and "
                                + "ATR. na for the first `length` bars, then starts from the current value.",
                                "rma(close - open, 14) > 0"));
    }
}
