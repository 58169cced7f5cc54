package dev.stratc.indicators.catalog;

/** How an argument reaches a function's implementation. */
public enum ParamKind {
    /** A numeric series, evaluated on every bar and passed to {@code update} as a {@code double}. */
    SERIES,
    /** A boolean series, evaluated on every bar and passed to {@code update} as a {@code boolean}. */
    CONDITION,
    /**
     * A whole number of bars, fixed when the strategy is instantiated and passed to the constructor as an
     * {@code int}. A duration argument ({@code 5m}) is converted to bars with the strategy's timeframe.
     */
    LENGTH,
    /** A numeric constant fixed at instantiation (a multiplier), passed to the constructor as a {@code double}. */
    NUMBER,
    /** A string constant fixed at instantiation, passed to the constructor as a {@code String}. */
    STRING
}
