package dev.stratc.indicators.catalog;

/**
 * A field of the current bar that an implementation reads without the user passing it, e.g. ATR reads high,
 * low and close. Passed to {@code update} before the declared series arguments, in the order listed by
 * {@link FunctionSpec#barInputs()}.
 */
public enum BarField {
    OPEN("double"),
    HIGH("double"),
    LOW("double"),
    CLOSE("double"),
    VOLUME("double"),
    /** The bar's end time in epoch milliseconds. */
    TIME("long"),
    /** Volume traded at the ask in this bar, where tick data tells it; {@code NaN} otherwise. */
    BUY_VOLUME("double"),
    /** Volume traded at the bid in this bar, where tick data tells it; {@code NaN} otherwise. */
    SELL_VOLUME("double");

    private final String javaType;

    BarField(String javaType) {
        this.javaType = javaType;
    }

    /** The Java type of the value passed to {@code update}. */
    public String javaType() {
        return javaType;
    }
}
