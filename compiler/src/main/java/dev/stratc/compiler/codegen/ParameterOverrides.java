package dev.stratc.compiler.codegen;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stratc.compiler.check.Kind;
import dev.stratc.compiler.check.ParameterSymbol;
import dev.stratc.strategy.ParameterValue;

/** Applies a run's parameter overrides to the declared defaults, refusing unknown names and wrong kinds. */
final class ParameterOverrides {
    private ParameterOverrides() {
    }

    static ParameterValue[] resolve(List<ParameterSymbol> parameters, Map<String, ParameterValue> overrides) {
        ParameterValue[] values = new ParameterValue[parameters.size()];
        for (ParameterSymbol parameter : parameters) {
            values[parameter.index()] = parameter.info().defaultValue();
        }
        for (Map.Entry<String, ParameterValue> override : overrides.entrySet()) {
            ParameterSymbol parameter = parameters.stream().filter(p -> p.name().equals(override.getKey()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown parameter '"
                            + override.getKey() + "'; the parameters are: "
                            + String.join(", ", parameters.stream().map(ParameterSymbol::name).toList())));
            ParameterValue value = override.getValue();
            if (value.kind() != parameter.info().defaultValue().kind()) {
                throw new IllegalArgumentException("parameter '" + parameter.name() + "' is "
                        + Kind.of(parameter.info().defaultValue().kind()).description() + ", but the override is "
                        + Kind.of(value.kind()).description() + " (" + describe(value) + ")");
            }
            values[parameter.index()] = value;
        }
        return values;
    }

    private static String describe(ParameterValue value) {
        String text = switch (value.kind()) {
            case STRING -> "\"" + value.text() + "\"";
            case PERCENT -> Ops.format(value.number()) + "%";
            case DURATION -> Ops.formatDuration(value.number());
            case BOOLEAN -> value.number() != 0 ? "true" : "false";
            case NUMBER -> Ops.format(value.number());
        };
        return text.toLowerCase(Locale.ROOT);
    }
}
