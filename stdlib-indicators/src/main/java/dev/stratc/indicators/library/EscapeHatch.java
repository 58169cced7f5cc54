package dev.stratc.indicators.library;

import static dev.stratc.indicators.library.Fn.fn;

import java.util.List;

import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.ta4j.Ta4jBridge;

/** Any other ta4j indicator, computed by ta4j. */
public final class EscapeHatch {
    private EscapeHatch() {
    }

    public static List<FunctionSpec> functions() {
        return List.of(
                fn("ta4j", Category.ESCAPE_HATCH)
                        .string("indicator", null, "A ta4j 0.22.2 indicator class, e.g. \"KAMAIndicator\".")
                        .source()
                        .number("arguments", null, "Any number of numeric constants, in the order of the ta4j "
                                + "constructor that follows its source (or its bar series).")
                        .ta4jBridge(Ta4jBridge.class)
                        .doc("Any ta4j indicator, computed by ta4j itself on a DoubleNum series of the last "
                                + Ta4jBridge.MAX_BARS + " bars: the constructor taking the source and the numbers is "
                                + "preferred, else the one taking the bar series and the numbers. Boolean "
                                + "indicators give 1 or 0. Much slower than the built-in functions.",
                                "close > ta4j(\"KAMAIndicator\", close, 10, 2, 30)"));
    }
}
