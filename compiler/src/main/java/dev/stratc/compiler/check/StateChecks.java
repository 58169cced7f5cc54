package dev.stratc.compiler.check;

import java.util.Map;
import java.util.Set;

import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;

/** The checks of {@code var name = …} and {@code name := …}. */
final class StateChecks {
    private static final Set<Kind> HELD = Set.of(Kind.NUMBER, Kind.PERCENT, Kind.DURATION, Kind.BOOLEAN);

    private final CheckedStrategy checked;
    private final DiagnosticReporter reporter;
    private final ExpressionChecker expressions;
    private final Map<String, VarSymbol> vars;

    StateChecks(CheckedStrategy checked, DiagnosticReporter reporter, ExpressionChecker expressions,
                Map<String, VarSymbol> vars) {
        this.checked = checked;
        this.reporter = reporter;
        this.expressions = expressions;
        this.vars = vars;
    }

    /** The var's kind is its initial value's: {@code na} is a number, so a percent var starts at a percent. */
    void declare(Member.Var variable, Scope root) {
        Kind kind = expressions.check(variable.value(), root);
        if (kind == Kind.INVALID) {
            return;
        }
        if (!HELD.contains(kind)) {
            reporter.report(DiagnosticCode.KIND_MISMATCH, variable.value().span(),
                    "a var holds a number, a price, a percent, a duration or a condition",
                    "a var cannot hold " + kind.description());
            return;
        }
        VarSymbol symbol = new VarSymbol(vars.size(), kind, variable);
        vars.put(variable.name(), symbol);
        checked.vars.add(symbol);
    }

    void assign(Statement.Assign assign, Scope scope) {
        Kind kind = expressions.check(assign.value(), scope);
        VarSymbol variable = vars.get(assign.name());
        if (variable == null) {
            boolean known = scope.let(assign.name()) != null || checked.parameters.stream()
                    .anyMatch(p -> p.name().equals(assign.name())) || BuiltinSeries.find(assign.name()) != null;
            if (known) {
                reporter.report(DiagnosticCode.NOT_ASSIGNABLE, assign.nameSpan(),
                        "lets, parameters and built-in series are fixed; keep a changing value in a var, declared at "
                                + "the strategy level: var stop_price = na",
                        assign.name());
            } else {
                String hint = Suggestions.didYouMean(assign.name(), vars.keySet());
                reporter.report(DiagnosticCode.UNKNOWN_NAME, assign.nameSpan(),
                        hint != null ? hint : "declare it first, at the strategy level: var " + assign.name() + " = na",
                        assign.name());
            }
            return;
        }
        if (kind == Kind.INVALID) {
            return;
        }
        boolean fits = kind == variable.kind() || (expressions.isNa(assign.value()) && variable.kind().isNumeric());
        if (!fits) {
            reporter.report(DiagnosticCode.KIND_MISMATCH, assign.value().span(),
                    variable.kind() == Kind.NUMBER && kind == Kind.PERCENT
                            ? "to keep a percent, start the var at one: var " + assign.name() + " = 0%" : null,
                    "'" + assign.name() + "' holds " + variable.kind().description() + ", found "
                            + kind.description());
            return;
        }
        checked.assignments.put(assign, variable);
    }
}
