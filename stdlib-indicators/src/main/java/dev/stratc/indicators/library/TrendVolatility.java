package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.trend.Adx;
import dev.stratc.indicators.trend.Atr;
import dev.stratc.indicators.trend.Bollinger;
import dev.stratc.indicators.trend.Donchian;
import dev.stratc.indicators.trend.Keltner;
import dev.stratc.indicators.trend.MinusDi;
import dev.stratc.indicators.trend.ParabolicSar;
import dev.stratc.indicators.trend.PlusDi;
import dev.stratc.indicators.trend.Supertrend;
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
                                "close < bollinger(20, 2).lower"),
                fn("keltner", TREND).length("length", "20", "Bars of the EMA of the typical price.")
                        .number("mult", "2", "ATRs between the middle and each band.")
                        .length("atr_length", "10", "Bars of the ATR.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .member("upper", "upper", "middle + mult * ATR.")
                        .member("middle", "middle", "The EMA of the typical price (also the value of `keltner(...)`).")
                        .member("lower", "lower", "middle - mult * ATR.")
                        .streaming(Keltner.class)
                        .doc("Keltner channel: the EMA of the typical price (high + low + close) / 3 and bands "
                                + "`mult` ATRs around it. The bands are na until both the EMA and the ATR have "
                                + "warmed up.", "close > keltner(20, 2, 10).upper"),
                fn("donchian", TREND).length("length", "20", "The number of bars.")
                        .reads(BarField.HIGH, BarField.LOW)
                        .member("upper", "upper", "The highest high of `length` bars.")
                        .member("middle", "middle", "The midpoint (also the value of `donchian(...)`).")
                        .member("lower", "lower", "The lowest low of `length` bars.")
                        .streaming(Donchian.class)
                        .doc("Donchian channel: the highest high and lowest low of the last `length` bars, this "
                                + "one included, and their midpoint. Partial at first.",
                                "close >= donchian(20).upper"),
                fn("supertrend", TREND).length("length", "10", "Bars of the ATR.")
                        .number("mult", "3", "ATRs between the median price and the bands.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .member("direction", "direction", "1 in an up-trend, -1 in a down-trend.")
                        .member("upper", "upperBand", "The upper band (the stop in a down-trend).")
                        .member("lower", "lowerBand", "The lower band (the stop in an up-trend).")
                        .streaming(Supertrend.class)
                        .doc("Supertrend: a trailing stop `mult` ATRs from the median price that follows the "
                                + "lower band in an up-trend and the upper band in a down-trend, flipping when the "
                                + "close crosses it. na for the first `length` bars.",
                                "supertrend(10, 3).direction > 0"),
                fn("parabolic_sar", TREND)
                        .number("start", "0.02", "The initial acceleration factor.")
                        .number("increment", "0.02", "Added to the factor at each new extreme.")
                        .number("maximum", "0.2", "The largest acceleration factor.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(ParabolicSar.class)
                        .doc("Parabolic SAR, a trailing stop that accelerates towards price and flips side when "
                                + "touched (O(1) per bar). na on the first bar.", "close > parabolic_sar()"),
                fn("adx", TREND).length("length", "14", "Bars of the directional indicators.")
                        .length("adx_length", "14", "Bars of the average of DX.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(Adx.class)
                        .doc("Average directional index, 0 to 100: how strong the trend is, whatever its "
                                + "direction; above 25 is commonly read as trending. na for max(length, "
                                + "adx_length) bars.", "adx(14) > 25"),
                fn("plus_di", TREND).length("length", "14", "The number of bars.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(PlusDi.class)
                        .doc("+DI: Wilder's smoothed upward movement in percent of the ATR. na for the first "
                                + "`length` bars.", "plus_di(14) > minus_di(14)"),
                fn("minus_di", TREND).length("length", "14", "The number of bars.")
                        .reads(BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .streaming(MinusDi.class)
                        .doc("-DI: Wilder's smoothed downward movement in percent of the ATR. na for the first "
                                + "`length` bars.", "minus_di(14) > plus_di(14)"));
    }
}
