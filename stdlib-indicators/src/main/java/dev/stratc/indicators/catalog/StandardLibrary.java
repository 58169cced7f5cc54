package dev.stratc.indicators.catalog;

import java.util.List;

/** The declarations of the standard library, in catalogue order. */
final class StandardLibrary {
    private StandardLibrary() {
    }

    static List<FunctionSpec> functions() {
        return List.of(
                new FunctionSpec("sma", Category.AVERAGES,
                        List.of(new Param("source", ParamKind.SERIES, "close", "The series to average."),
                                new Param("length", ParamKind.LENGTH, null, "The number of bars.")),
                        ValueKind.NUMBER, List.of(), List.of(),
                        new Implementation.Streaming("dev.stratc.indicators.averages.Sma"),
                        "Simple moving average: the mean of the last `length` values.",
                        "close > sma(50)"));
    }
}
