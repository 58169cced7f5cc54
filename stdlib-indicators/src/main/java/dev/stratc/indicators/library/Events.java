package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.ValueKind;
import dev.stratc.indicators.events.BarsSince;
import dev.stratc.indicators.events.CrossesAbove;
import dev.stratc.indicators.events.CrossesBelow;
import dev.stratc.indicators.events.Falling;
import dev.stratc.indicators.events.Rising;

/** Events: conditions about how series moved. */
public final class Events {
    private static final Category EVENTS = Category.EVENTS;

    private Events() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("crosses_above", EVENTS).series("a", null, "The series that crosses.")
                        .series("b", null, "The series or level crossed.")
                        .returns(ValueKind.BOOLEAN)
                        .streaming(CrossesAbove.class)
                        .doc("True on the bar where `a` is above `b` and was below it at the last earlier bar "
                                + "where they differed (ta4j's cross rule). False while either is na.",
                                "crosses_above(ema(9), ema(21))"),
                fn("crosses_below", EVENTS).series("a", null, "The series that crosses.")
                        .series("b", null, "The series or level crossed.")
                        .returns(ValueKind.BOOLEAN)
                        .streaming(CrossesBelow.class)
                        .doc("True on the bar where `a` is below `b` and was above it at the last earlier bar "
                                + "where they differed (ta4j's cross rule). False while either is na.",
                                "crosses_below(rsi(2), 5)"),
                fn("rising", EVENTS).source().length("length", null, "The number of bars.")
                        .returns(ValueKind.BOOLEAN)
                        .streaming(Rising.class)
                        .doc("True when the source rose on each of the last `length` bars (ta4j's IsRisingRule: "
                                + "from 100 bars on, on 99 % of them).", "rising(close, 3)"),
                fn("falling", EVENTS).source().length("length", null, "The number of bars.")
                        .returns(ValueKind.BOOLEAN)
                        .streaming(Falling.class)
                        .doc("True when the source fell on each of the last `length` bars (ta4j's IsFallingRule: "
                                + "from 100 bars on, on 99 % of them).", "falling(close, 3)"),
                fn("bars_since", EVENTS).condition("condition", "The condition to look back for.")
                        .streaming(BarsSince.class)
                        .doc("Bars since the condition was last true: 0 on a bar where it is true; na until it "
                                + "has been true once.", "bars_since(crosses_above(ema(9), ema(21))) < 5"));
    }
}
