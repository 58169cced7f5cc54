package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CompletionItemKind;

import dev.stratc.compiler.check.BuiltinFunction;
import dev.stratc.compiler.check.BuiltinSeries;
import dev.stratc.compiler.check.RecordField;
import dev.stratc.compiler.check.Slot;
import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.catalog.FunctionSpec;

/**
 * Every name the language gives a meaning to, with its documentation, in one place for hover and completion:
 * the indicator registry's functions, and the compiler's own functions, actions and series.
 */
final class LanguageCatalog {

    /** Something that can be called: an indicator, a built-in function or an action. */
    record Callable(String name, String signature, String documentation, List<Argument> arguments,
                    List<Output> outputs, CompletionItemKind kind) {
        Optional<Argument> argument(String argumentName) {
            return arguments.stream().filter(argument -> argument.name().equals(argumentName)).findFirst();
        }

        Optional<Output> output(String outputName) {
            return outputs.stream().filter(output -> output.name().equals(outputName)).findFirst();
        }
    }

    /** A parameter of a callable, as a named argument. */
    record Argument(String name, String documentation) {
    }

    /** A member of a multi-output indicator ({@code .signal}). */
    record Output(String name, String documentation) {
    }

    /** A name read without a call: a bar field, a quote, the position. */
    record Series(String name, String documentation) {
    }

    private final Map<String, Callable> callables;
    private final Map<String, Series> series;
    /** The fields of the strategy's own record, read as strategy.equity. */
    private final Map<String, Series> recordFields = new LinkedHashMap<>();

    private LanguageCatalog(Map<String, Callable> callables, Map<String, Series> series) {
        this.callables = callables;
        this.series = series;
        for (RecordField field : RecordField.values()) {
            recordFields.put(field.source(), new Series(field.source(), "```strat\nstrategy." + field.source()
                    + " -> " + kind(field.kind().name()) + "\n```\n" + field.doc()
                    + " The strategy's own record, across its whole universe; the same in a backtest and a run."));
        }
    }

    Optional<Series> recordField(String name) {
        return Optional.ofNullable(recordFields.get(name));
    }

    Collection<Series> recordFields() {
        return recordFields.values();
    }

    static LanguageCatalog standard() {
        Map<String, Callable> callables = new LinkedHashMap<>();
        for (FunctionSpec function : FunctionRegistry.standard().all()) {
            callables.put(function.name(), indicator(function));
        }
        for (BuiltinFunction builtin : BuiltinFunction.values()) {
            callables.put(builtin.source(), builtin(builtin));
        }
        Map<String, Series> series = new LinkedHashMap<>();
        for (BuiltinSeries builtin : BuiltinSeries.values()) {
            series.put(builtin.source(), new Series(builtin.source(), "```strat\n" + builtin.source() + " -> "
                    + kind(builtin.kind().name()) + "\n```\n" + builtin.doc()));
        }
        return new LanguageCatalog(callables, series);
    }

    Optional<Callable> callable(String name) {
        return Optional.ofNullable(callables.get(name));
    }

    Collection<Callable> callables() {
        return callables.values();
    }

    Optional<Series> series(String name) {
        return Optional.ofNullable(series.get(name));
    }

    Collection<Series> allSeries() {
        return series.values();
    }

    private static Callable indicator(FunctionSpec function) {
        List<Argument> arguments = function.params().stream()
                .map(param -> new Argument(param.name(), FunctionDocs.param(function, param)))
                .toList();
        List<Output> outputs = function.members().stream()
                .map(member -> new Output(member.name(), FunctionDocs.member(function, member)))
                .toList();
        return new Callable(function.name(), function.signature(), FunctionDocs.function(function), arguments,
                outputs, CompletionItemKind.Function);
    }

    private static Callable builtin(BuiltinFunction builtin) {
        StringBuilder signature = new StringBuilder(builtin.source()).append('(');
        for (int i = 0; i < builtin.slots().size(); i++) {
            Slot slot = builtin.slots().get(i);
            signature.append(i > 0 ? ", " : "").append(slot.name());
            if (slot.defaultText() != null) {
                signature.append(" = ").append(slot.defaultText());
            } else if (slot.optional()) {
                signature.append('?');
            }
        }
        signature.append(builtin.variadic() ? ", …)" : ")");
        if (builtin.returns() != null) {
            signature.append(" -> ").append(kind(builtin.returns().name()));
        }
        String code = "```strat\n" + signature + "\n```\n";
        StringBuilder documentation = new StringBuilder(code).append(builtin.doc());
        if (builtin.isStatement()) {
            documentation.append("\n\nAllowed in: ").append(builtin.blocks().stream()
                    .map(block -> "`" + block.keyword() + "`").sorted().collect(Collectors.joining(", ")));
        }
        List<Argument> arguments = new ArrayList<>();
        if (!builtin.slots().isEmpty()) {
            documentation.append("\n\n**Parameters**\n");
            for (Slot slot : builtin.slots()) {
                String line = "`" + slot.name() + "` — " + slot.doc()
                        + (slot.defaultText() == null ? "" : " Default: `" + slot.defaultText() + "`.");
                documentation.append("\n- ").append(line);
                arguments.add(new Argument(slot.name(), code + line));
            }
        }
        return new Callable(builtin.source(), signature.toString(), documentation.toString(), arguments, List.of(),
                builtin.isStatement() ? CompletionItemKind.Method : CompletionItemKind.Function);
    }

    private static String kind(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
