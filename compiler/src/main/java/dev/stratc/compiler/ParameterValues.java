package dev.stratc.compiler;

import dev.stratc.compiler.parse.Literals;
import dev.stratc.strategy.ParameterValue;

/**
 * Reads a parameter value written on a command line or in a config file ({@code -P surge_threshold=4%}) the way
 * the language reads literals, so {@code 4%} is a percent, {@code 5m} a duration and {@code 20} a number. Whether
 * the kind fits the parameter is decided by {@link dev.stratc.strategy.StrategyProgram#newInstance}.
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    public static ParameterValue parse(String text) {
        String value = text.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        Double percent = Literals.percent(value);
        if (percent != null) {
            return ParameterValue.percent(percent);
        }
        Long millis = Literals.durationMillis(value);
        if (millis != null) {
            return ParameterValue.durationMillis(millis);
        }
        if (value.equals("true") || value.equals("false")) {
            return ParameterValue.bool(value.equals("true"));
        }
        if (value.matches("[-+]?\\d[\\d_]*(\\.\\d[\\d_]*)?")) {
            return ParameterValue.number(Double.parseDouble(value.replace("_", "")));
        }
        return ParameterValue.string(value);
    }
}
