package dev.stratc.compiler.check;

import java.util.List;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.indicators.catalog.FunctionSpec;

/**
 * A call matched to what it calls: one argument per declared parameter, in declaration order, defaults filled in
 * ({@code null} for an optional argument left out). For log and notify, every argument given.
 */
public record Binding(Callee callee, List<Expression> arguments) {

    public Binding {
        arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
    }

    public sealed interface Callee {
    }

    /** A function of the catalogue: an indicator or a pure function. */
    public record Catalogue(FunctionSpec spec) implements Callee {
    }

    public record Builtin(BuiltinFunction function) implements Callee {
    }

    /**
     * A function of the strategy ({@code fn}), inlined: {@code body} is a copy of its result expression made for
     * this call, whose parameter names resolve to this call's arguments.
     */
    public record Inlined(dev.stratc.compiler.ast.Member.Function function, Expression body) implements Callee {
    }
}
