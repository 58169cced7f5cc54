package dev.stratc.indicators.catalog;

/** The kinds of value a .strat expression can have. Every numeric kind is a per-symbol series. */
public enum ValueKind {
    /** A plain number: a price, a ratio, an oscillator value. {@code NaN} stands for {@code na}. */
    NUMBER,
    /** A number in percent units: {@code 3%} is 3.0, and so is {@code price_change_percent} of three percent. */
    PERCENT,
    /** Wall-clock time in milliseconds: {@code 5m}, {@code minutes(30)}, {@code time_since_entry}. */
    DURATION,
    /** A condition. Never {@code na}: a comparison with {@code na} is false. */
    BOOLEAN,
    /** Text: a symbol, a signal name, an order type. */
    STRING
}
