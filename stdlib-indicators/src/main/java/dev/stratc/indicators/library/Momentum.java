package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.ValueKind;
import dev.stratc.indicators.momentum.Cci;
import dev.stratc.indicators.momentum.Change;
import dev.stratc.indicators.momentum.Macd;
import dev.stratc.indicators.momentum.Mfi;
import dev.stratc.indicators.momentum.PriceChangePercent;
import dev.stratc.indicators.momentum.Roc;
import dev.stratc.indicators.momentum.Rsi;
import dev.stratc.indicators.momentum.StochD;
import dev.stratc.indicators.momentum.StochK;
import dev.stratc.indicators.momentum.StochRsi;
import dev.stratc.indicators.momentum.WilliamsR;

/** Momentum oscillators. */
public final class Momentum {
    private static final Category MOMENTUM = Category.MOMENTUM;

    private Momentum() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("rsi", MOMENTUM).source().length("length", "14", "The number of bars.")
                        .streaming(Rsi.class)
                        .doc("Relative strength index, 0 to 100, with Wilder smoothing of gains and losses. "
                                + "Above 70 is commonly read as overbought, below 30 as oversold. na for the first "
                                + "`length` bars.", "rsi(14) < 30"),
                fn("macd", MOMENTUM).source()
                        .length("fast", "12", "Bars of the fast EMA.")
                        .length("slow", "26", "Bars of the slow EMA; must exceed fast.")
                        .length("signal", "9", "Bars of the signal line's EMA.")
                        .member("line", "line", "The fast EMA minus the slow EMA (also the value of `macd(...)`).")
                        .member("signal", "signal", "The EMA of the line over `signal` bars.")
                        .member("histogram", "histogram", "The line minus the signal.")
                        .streaming(Macd.class)
                        .doc("Moving average convergence divergence. The line is na for `slow` bars, the signal "
                                + "and histogram until the signal EMA has warmed up on the line.",
                                "crosses_above(macd().line, macd().signal)"),
                fn("stoch_k", MOMENTUM).length("length", "14", "Bars of the high-low range.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(StochK.class)
                        .doc("Stochastic %K, 0 to 100: where the close sits in the high-low range of the last "
                                + "`length` bars. Uses the bars seen so far until `length` exist; na when the range "
                                + "is zero.", "crosses_below(stoch_k(14), 20)"),
                fn("stoch_d", MOMENTUM).length("length", "14", "Bars of %K's high-low range.")
                        .length("smooth", "3", "Bars of the average of %K.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(StochD.class)
                        .doc("Stochastic %D: the simple average of %K over `smooth` bars, the slow line of the "
                                + "stochastic oscillator. Averages what exists at first.",
                                "crosses_above(stoch_k(14), stoch_d(14, 3))"),
                fn("stoch_rsi", MOMENTUM).source().length("length", "14", "Bars of the RSI and of its range.")
                        .streaming(StochRsi.class)
                        .doc("Stochastic RSI, 0 to 100: where RSI sits in its own range over `length` bars. na "
                                + "for the first 2 * length - 1 bars; repeats its previous value when RSI was flat.",
                                "stoch_rsi(14) < 20"),
                fn("williams_r", MOMENTUM).length("length", "14", "Bars of the high-low range.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(WilliamsR.class)
                        .doc("Williams %R, -100 to 0: how far the close is below the highest high of `length` "
                                + "bars, in percent of the range. Near 0 is overbought, near -100 oversold. Partial "
                                + "at first; na when the range is zero.", "williams_r(14) < -80"),
                fn("cci", MOMENTUM).length("length", "20", "The number of bars.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(Cci.class)
                        .doc("Commodity channel index: how far the typical price (high + low + close) / 3 is from "
                                + "its average, in units of 0.015 mean deviations. Uses the bars seen so far until "
                                + "`length` exist; 0 when the mean deviation is zero.", "cci(20) < -100"),
                fn("roc", MOMENTUM).source().length("length", null, "Bars back.")
                        .returns(ValueKind.PERCENT)
                        .streaming(Roc.class)
                        .doc("Rate of change in percent over `length` bars, as ta4j: compares with the first bar "
                                + "until `length` bars exist (`price_change_percent` is na instead).",
                                "roc(close, 10) > 5%"),
                fn("price_change_percent", MOMENTUM).source()
                        .length("length", null, "Bars back, or a duration (5m) converted with the timeframe.")
                        .returns(ValueKind.PERCENT)
                        .streaming(PriceChangePercent.class)
                        .doc("The change over the last `length` bars in percent: (close / close[length] - 1) * 100."
                                + " na until `length` earlier bars exist.",
                                "price_change_percent(5m) > 3%"),
                fn("momentum", MOMENTUM).source().length("length", "10", "Bars back.")
                        .streaming(Change.class)
                        .doc("Momentum: source - source[length], in price units. na until `length` earlier "
                                + "bars exist.", "momentum(10) > 0"),
                fn("change", MOMENTUM).source().length("length", "1", "Bars back.")
                        .streaming(Change.class)
                        .doc("The change since `length` bars ago: source - source[length]. na until `length` "
                                + "earlier bars exist.", "change(close) > 0"),
                fn("mfi", MOMENTUM).length("length", "14", "The number of bars.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE, BarField.VOLUME)
                        .streaming(Mfi.class)
                        .doc("Money flow index, 0 to 100: an RSI of money flow (typical price * volume). As ta4j,"
                                + " each money-flow sum is floored at 1 before dividing. na for the first "
                                + "`length` bars.", "mfi(14) > 80"));
    }
}
