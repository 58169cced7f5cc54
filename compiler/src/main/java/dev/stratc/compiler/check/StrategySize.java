package dev.stratc.compiler.check;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.compiler.CompilerLimits;
import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;

/**
 * The limits that need names resolved: the statement count, and the depth of each expression with every
 * {@code let} name replaced by what it stands for, as the generated Java has it (the parser has already refused
 * any expression too deep as written). One diagnostic per limit, at the first place it is crossed.
 */
final class StrategySize {
    private final CheckedStrategy checked;
    private final DiagnosticReporter reporter;
    private final Map<Expression, Integer> depths = new IdentityHashMap<>();
    private final Depth depth = new Depth();
    private int statements;
    private boolean tooDeepReported;

    private StrategySize(CheckedStrategy checked, DiagnosticReporter reporter) {
        this.checked = checked;
        this.reporter = reporter;
    }

    /** @param lets every let, in the order they are defined (each reads only earlier ones) */
    static void check(CheckedStrategy checked, List<Statement.Let> lets, DiagnosticReporter reporter) {
        StrategySize size = new StrategySize(checked, reporter);
        lets.forEach(let -> size.depthOf(let.value()));
        for (Member member : checked.tree().members()) {
            switch (member) {
                case Statement.Let let -> size.root(let.value());
                case Member.Var variable -> size.root(variable.value());
                case Member.Function function -> {
                    // measured where it is inlined
                }
                case Member.RuleBlock block -> size.statements(block.statements());
                case Member.ParametersBlock parameters -> {
                }
            }
        }
    }

    private void statements(List<Statement> list) {
        for (Statement statement : list) {
            statements++;
            if (statements == CompilerLimits.MAX_STATEMENTS + 1) {
                reporter.report(DiagnosticCode.TOO_MANY_STATEMENTS, statement.span(),
                        "split the strategy into several files, or fold similar rules into one with parameters",
                        CompilerLimits.MAX_STATEMENTS, statements);
            }
            switch (statement) {
                case Statement.Let let -> root(let.value());
                case Statement.When when -> {
                    root(when.condition());
                    statements(when.body());
                }
                case Statement.OnSignal on -> statements(on.body());
                case Statement.Action action -> root(action.call());
                case Statement.Assign assign -> root(assign.value());
                case Statement.If branch -> {
                    root(branch.condition());
                    statements(branch.body());
                    statements(branch.elseBranch());
                }
            }
        }
    }

    private void root(Expression expression) {
        int levels = depthOf(expression);
        if (levels > CompilerLimits.MAX_EXPRESSION_DEPTH && !tooDeepReported) {
            tooDeepReported = true;
            reporter.report(DiagnosticCode.EXPRESSION_TOO_DEEP, expression.span(),
                    "the 'let' names in it count with what they stand for: use them in different rules, "
                            + "or shorten the expressions they name",
                    levels, CompilerLimits.MAX_EXPRESSION_DEPTH);
        }
    }

    private int depthOf(Expression expression) {
        if (expression == null) {
            return 0;
        }
        Integer known = depths.get(expression);
        if (known == null) {
            known = expression.accept(depth, null);
            depths.put(expression, known);
        }
        return known;
    }

    private final class Depth extends AstVisitor<Integer, Void> {
        @Override
        protected Integer visitExpression(Expression expression, Void context) {
            return 1;
        }

        @Override
        public Integer visitName(Expression.Name name, Void context) {
            return checked.resolution(name) instanceof Resolution.LetRef let ? 1 + depthOf(let.let().value()) : 1;
        }

        @Override
        public Integer visitCall(Expression.Call call, Void context) {
            if (checked.binding(call) != null
                    && checked.binding(call).callee() instanceof Binding.Inlined(var function, Expression body)) {
                return 1 + depthOf(body);
            }
            int deepest = 0;
            for (Expression.Argument argument : call.arguments()) {
                deepest = Math.max(deepest, depthOf(argument.value()));
            }
            return 1 + deepest;
        }

        @Override
        public Integer visitMemberAccess(Expression.MemberAccess access, Void context) {
            return 1 + depthOf(access.target());
        }

        @Override
        public Integer visitHistory(Expression.History history, Void context) {
            return 1 + Math.max(depthOf(history.subject()), depthOf(history.offset()));
        }

        @Override
        public Integer visitUnary(Expression.Unary unary, Void context) {
            return 1 + depthOf(unary.operand());
        }

        @Override
        public Integer visitBinary(Expression.Binary binary, Void context) {
            return 1 + Math.max(depthOf(binary.left()), depthOf(binary.right()));
        }

        @Override
        public Integer visitBetween(Expression.Between between, Void context) {
            return 1 + Math.max(depthOf(between.value()), Math.max(depthOf(between.low()), depthOf(between.high())));
        }

        @Override
        public Integer visitConditional(Expression.Conditional conditional, Void context) {
            return 1 + Math.max(depthOf(conditional.condition()),
                    Math.max(depthOf(conditional.whenTrue()), depthOf(conditional.whenFalse())));
        }

        @Override
        public Integer visitAtTimeframe(Expression.AtTimeframe at, Void context) {
            return 1 + depthOf(at.subject());
        }

        @Override
        public Integer visitMap(Expression.MapLiteral map, Void context) {
            int deepest = 0;
            for (Expression.MapEntry entry : map.entries()) {
                deepest = Math.max(deepest, depthOf(entry.value()));
            }
            return 1 + deepest;
        }
    }
}
