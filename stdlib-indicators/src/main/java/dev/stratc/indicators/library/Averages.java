package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.averages.Dema;
import dev.stratc.indicators.averages.Ema;
import dev.stratc.indicators.averages.Hma;
import dev.stratc.indicators.averages.Kama;
import dev.stratc.indicators.averages.Rma;
import dev.stratc.indicators.averages.Sma;
import dev.stratc.indicators.averages.Tema;
import dev.stratc.indicators.averages.Vwma;
import dev.stratc.indicators.averages.Wma;
import dev.stratc.indicators.catalog.BarField;
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
                                "rma(close - open, 14) > 0"),
                fn("wma", AVERAGES).source().length("length", null, "The number of bars.")
                        .streaming(Wma.class)
                        .doc("Linearly weighted moving average: the newest bar weighs `length`, the oldest 1. na "
                                + "until `length` bars exist.", "wma(20) > wma(50)"),
                fn("hma", AVERAGES).source().length("length", null, "The number of bars (at least 2).")
                        .streaming(Hma.class)
                        .doc("Hull moving average: a WMA over sqrt(length) bars of 2 * wma(length / 2) - "
                                + "wma(length); fast and smooth. na until length + sqrt(length) - 1 bars exist.",
                                "hma(21) > hma(21)[1]"),
                fn("dema", AVERAGES).source().length("length", null, "The number of bars.")
                        .streaming(Dema.class)
                        .doc("Double exponential moving average, 2 * ema - ema(ema): less lag than an EMA. na "
                                + "for the first 2 * length bars.", "close > dema(20)"),
                fn("tema", AVERAGES).source().length("length", null, "The number of bars.")
                        .streaming(Tema.class)
                        .doc("Triple exponential moving average, 3 * (ema - ema(ema)) + ema(ema(ema)). na for the "
                                + "first 3 * length bars.", "crosses_above(close, tema(10))"),
                fn("kama", AVERAGES).source()
                        .length("length", "10", "Bars of the efficiency ratio.")
                        .length("fast", "2", "The fastest EMA length, used in a clean trend.")
                        .length("slow", "30", "The slowest EMA length, used in noise.")
                        .streaming(Kama.class)
                        .doc("Kaufman's adaptive moving average: follows price quickly in a clean trend and "
                                + "slowly in noise. Equals the source for the first `length` bars.",
                                "close > kama(10, 2, 30)"),
                fn("vwma", AVERAGES).source().length("length", null, "The number of bars.")
                        .reads(BarField.VOLUME)
                        .streaming(Vwma.class)
                        .doc("Volume-weighted moving average: sum(source * volume) / sum(volume) over `length` "
                                + "bars. na until `length` bars exist and while the window traded nothing.",
                                "close > vwma(20)"));
    }
}
