package dev.stratc.strategy;

import dev.stratc.indicators.catalog.ValueKind;

/**
 * The value of a parameter. Numbers, percents (percent units), durations (milliseconds) and booleans (1 or 0)
 * are held in {@code number}; strings in {@code text}.
 */
public record ParameterValue(ValueKind kind, double number, String text) implements java.io.Serializable {

    public static ParameterValue number(double value) {
        return new ParameterValue(ValueKind.NUMBER, value, null);
    }

    public static ParameterValue percent(double percentUnits) {
        return new ParameterValue(ValueKind.PERCENT, percentUnits, null);
    }

    public static ParameterValue durationMillis(long millis) {
        return new ParameterValue(ValueKind.DURATION, millis, null);
    }

    public static ParameterValue bool(boolean value) {
        return new ParameterValue(ValueKind.BOOLEAN, value ? 1 : 0, null);
    }

    public static ParameterValue string(String value) {
        return new ParameterValue(ValueKind.STRING, Double.NaN, value);
    }
}
