package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.ValueKind;
import dev.stratc.indicators.events.CrossesAbove;
import dev.stratc.indicators.events.CrossesBelow;

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
                                "crosses_below(rsi(2), 5)"));
    }
}
