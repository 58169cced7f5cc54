package dev.stratc.compiler.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stratc.compiler.ast.AstCopier;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.ExpressionWalker;
import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;

/**
 * The strategy's own functions, {@code fn name(a, b) = …}. A call is checked and compiled as a copy of the body in
 * which each parameter names the call's argument, as a {@code let} would: the function is pure, its kinds are
 * those of the arguments of each call, and nothing of it remains at run time. Recursion cannot be inlined, so it
 * is refused where the function is defined.
 */
final class FunctionInliner {
    private static final Set<Kind> ANY_VALUE = Set.of(Kind.NUMBER, Kind.PERCENT, Kind.DURATION, Kind.BOOLEAN,
            Kind.STRING);

    private final CheckedStrategy checked;
    private final DiagnosticReporter reporter;
    private final Map<String, Member.Function> functions = new LinkedHashMap<>();
    private final Set<String> recursive = new HashSet<>();
    private final Set<String> called = new HashSet<>();
    private final Deque<String> expanding = new ArrayDeque<>();

    FunctionInliner(CheckedStrategy checked, DiagnosticReporter reporter) {
        this.checked = checked;
        this.reporter = reporter;
    }

    void declare(Member.Function function) {
        functions.put(function.name(), function);
    }

    boolean isDefined(String name) {
        return functions.containsKey(name);
    }

    Member.Function find(String name) {
        return functions.get(name);
    }

    Set<String> names() {
        return functions.keySet();
    }

    /** Reports every function that reaches itself through its calls, at the call that closes the cycle. */
    void refuseRecursion() {
        for (Member.Function function : functions.values()) {
            List<String> path = new ArrayList<>();
            path.add(function.name());
            Expression.Call closing = cycle(function, function.name(), path, new HashSet<>());
            if (closing != null) {
                recursive.add(function.name());
                reporter.report(DiagnosticCode.RECURSIVE_FUNCTION, closing.calleeSpan(),
                        "write the repetition out, or use an indicator that keeps state, such as sum or highest",
                        function.name(), String.join(" → ", path));
            }
        }
    }

    private Expression.Call cycle(Member.Function function, String target, List<String> path, Set<String> seen) {
        for (Expression.Call call : callsIn(function)) {
            if (call.callee().equals(target)) {
                path.add(target);
                return call;
            }
            Member.Function next = functions.get(call.callee());
            if (next != null && seen.add(next.name())) {
                path.add(next.name());
                Expression.Call closing = cycle(next, target, path, seen);
                if (closing != null) {
                    return closing;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static List<Expression.Call> callsIn(Member.Function function) {
        List<Expression.Call> calls = new ArrayList<>();
        ExpressionWalker collector = new ExpressionWalker() {
            @Override
            public Void visitCall(Expression.Call call, Void context) {
                calls.add(call);
                return super.visitCall(call, context);
            }
        };
        function.lets().forEach(let -> let.value().accept(collector, null));
        function.result().accept(collector, null);
        return calls;
    }

    /** Checks a call of a strategy function in the caller's scope; the call then stands for its inlined body. */
    Kind inline(Expression.Call call, Scope caller, ExpressionChecker expressions) {
        Member.Function function = functions.get(call.callee());
        called.add(function.name());
        List<Slot> slots = function.parameters().stream()
                .map(parameter -> Slot.required(parameter.name(), ANY_VALUE, false, "A parameter of " + function.name()))
                .toList();
        List<Expression> arguments = expressions.bind(call, slots, function.name(), caller);
        if (arguments == null || recursive.contains(function.name()) || expanding.contains(function.name())) {
            return Kind.INVALID;
        }
        expanding.push(function.name());
        try {
            Scope scope = caller.function();
            for (int i = 0; i < slots.size(); i++) {
                Member.FunctionParameter parameter = function.parameters().get(i);
                scope.define(new Statement.Let(parameter.name(), parameter.span(), arguments.get(i), parameter.span()));
            }
            for (Statement.Let let : function.lets()) {
                Statement.Let copy = AstCopier.copy(let);
                expressions.check(copy.value(), scope);
                if (scope.ownLet(copy.name()) != null) {
                    reporter.report(DiagnosticCode.DUPLICATE_NAME, copy.nameSpan(), "choose another name", copy.name());
                    continue;
                }
                scope.define(copy);
            }
            Expression body = AstCopier.copy(function.result());
            Kind kind = expressions.check(body, scope);
            if (kind == Kind.INVALID) {
                return Kind.INVALID;
            }
            checked.calls.put(call, new Binding(new Binding.Inlined(function, body), arguments));
            if (checked.isConstant(body)) {
                checked.constants.add(call);
            }
            return kind;
        } finally {
            expanding.pop();
        }
    }

    /** Functions never called: their bodies were never checked, as no call gave them kinds. */
    void warnUnused() {
        for (Member.Function function : functions.values()) {
            if (!called.contains(function.name()) && !recursive.contains(function.name())) {
                reporter.report(DiagnosticCode.UNUSED_FUNCTION, function.nameSpan(), "remove it, or call it in a rule",
                        function.name());
            }
        }
    }
}
