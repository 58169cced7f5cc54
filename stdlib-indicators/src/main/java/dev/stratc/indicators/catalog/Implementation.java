package dev.stratc.indicators.catalog;

/**
 * How generated code computes a function. The compiler emits Java source against these conventions; it never
 * needs to know a particular indicator.
 */
public sealed interface Implementation {

    /**
     * A stateful, incremental indicator: one instance per symbol and call site (identical calls share one).
     * <ul>
     * <li>Constructor: the constant arguments ({@link ParamKind#LENGTH} as {@code int}, {@link ParamKind#NUMBER}
     * as {@code double}, {@link ParamKind#STRING} as {@code String}) in declaration order.</li>
     * <li>{@code update(int bar, <bar inputs>, <series arguments>)}: returns the value at {@code bar} —
     * {@code double} ({@code NaN} = na) or {@code boolean} when the function returns {@link ValueKind#BOOLEAN}.
     * Bar inputs come first, in {@link FunctionSpec#barInputs()} order, then the {@link ParamKind#SERIES} and
     * {@link ParamKind#CONDITION} arguments in declaration order. It is called once for every bar, in order,
     * whether or not the value is used at that bar. Calling it again with the same {@code bar} revises that
     * bar in place (a live tick changed it): the result is as if the earlier call had never happened.</li>
     * <li>Members: no-argument accessors returning the values of the latest {@code update}.</li>
     * <li>{@code int warmup()}: how many bars pass before the value is complete, for this instance's
     * arguments, counting from its first input that is not na: no longer na and computed over a full window
     * (ta4j's unstable-bar count for a source without warm-up). {@code sma(20)} gives partial averages from the
     * first bar but answers 19; {@code ema(20)} is na for 20 bars and answers 20. A strategy's
     * {@code warmup auto} waits for the largest.</li>
     * </ul>
     *
     * @param className the fully qualified class name
     */
    record Streaming(String className) implements Implementation {
    }

    /**
     * A pure function of its arguments at this bar: {@code public static} method {@code className.method},
     * taking the bar inputs then every argument in declaration order ({@code double} for series and numbers,
     * {@code int} for lengths, {@code boolean} for conditions, {@code String} for strings).
     */
    record Pure(String className, String method) implements Implementation {
    }

    /**
     * Any ta4j indicator by class name, {@code ta4j("KAMAIndicator", close, 10, 2, 30)}, computed by ta4j
     * itself on a DoubleNum series. The compiler passes the class name and the numeric constants to the
     * constructor {@code (String className, double[] constants)}, and calls
     * {@code update(int bar, long time, double open, double high, double low, double close, double volume,
     * double source)} where {@code source} is the one optional series argument ({@code NaN} when absent).
     *
     * @param className the fully qualified class name of the bridge
     */
    record Ta4jBridge(String className) implements Implementation {
    }
}
