package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.BarField;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.ValueKind;
import dev.stratc.indicators.candles.BearishEngulfing;
import dev.stratc.indicators.candles.BullishEngulfing;
import dev.stratc.indicators.candles.Doji;
import dev.stratc.indicators.candles.Hammer;

/** Candle patterns, as ta4j defines them. */
public final class Candles {
    private static final Category CANDLES = Category.CANDLES;

    private Candles() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("doji", CANDLES).length("length", "10", "Bars of the average body.")
                        .number("factor", "0.03", "The largest body, as a fraction of the average body.")
                        .reads(BarField.OPEN, BarField.CLOSE)
                        .returns(ValueKind.BOOLEAN)
                        .streaming(Doji.class)
                        .doc("Doji: a body |close - open| smaller than `factor` times the average body of the "
                                + "previous `length` bars (open and close almost equal).", "doji() AND rsi(14) > 70"),
                fn("hammer", CANDLES).number("lower_wick", "2", "The lower wick must exceed this many bodies.")
                        .number("upper_wick", "1", "The upper wick must not exceed this many bodies.")
                        .reads(BarField.OPEN, BarField.HIGH, BarField.LOW, BarField.CLOSE)
                        .returns(ValueKind.BOOLEAN)
                        .streaming(Hammer.class)
                        .doc("Hammer: a small body at the top of the bar with a long lower wick, in a down-trend "
                                + "(ADX(5) above 25 and -DI above +DI on the previous bar). Never in the first 11 "
                                + "bars.", "hammer()"),
                fn("bullish_engulfing", CANDLES)
                        .reads(BarField.OPEN, BarField.CLOSE)
                        .returns(ValueKind.BOOLEAN)
                        .streaming(BullishEngulfing.class)
                        .doc("Bullish engulfing: a rising bar whose body engulfs the previous falling bar's body.",
                                "bullish_engulfing() AND close < sma(50)"),
                fn("bearish_engulfing", CANDLES)
                        .reads(BarField.OPEN, BarField.CLOSE)
                        .returns(ValueKind.BOOLEAN)
                        .streaming(BearishEngulfing.class)
                        .doc("Bearish engulfing: a falling bar whose body engulfs the previous rising bar's body.",
                                "bearish_engulfing() AND has_position"));
    }
}
