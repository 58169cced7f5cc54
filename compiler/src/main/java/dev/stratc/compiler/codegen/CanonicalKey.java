package dev.stratc.compiler.codegen;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.check.Binding;
import dev.stratc.compiler.check.CheckedStrategy;
import dev.stratc.compiler.check.MemberResolution;
import dev.stratc.compiler.check.Resolution;

/**
 * A text that is equal for two expressions exactly when they compute the same series: names resolved, lets
 * substituted, defaults filled in. {@code rsi(14)} and {@code rsi(close, 14)} get one key, hence one indicator.
 */
final class CanonicalKey extends AstVisitor<String, Void> {
    private final CheckedStrategy checked;
    private final Map<Expression, String> memo = new IdentityHashMap<>();

    CanonicalKey(CheckedStrategy checked) {
        this.checked = checked;
    }

    String of(Expression expression) {
        if (expression == null) {
            return "_";
        }
        String key = memo.get(expression);
        if (key == null) {
            key = expression.accept(this, null);
            memo.put(expression, key);
        }
        return key;
    }

    @Override
    protected String visitLiteral(Expression.Literal literal, Void context) {
        return checked.kind(literal) + ":" + switch (literal) {
            case Expression.NumberLiteral n -> Double.toString(n.value());
            case Expression.PercentLiteral p -> Double.toString(p.value());
            case Expression.DurationLiteral d -> Long.toString(d.millis());
            case Expression.StringLiteral s -> '"' + s.value().replace("\"", "\\\"") + '"';
            case Expression.BooleanLiteral b -> Boolean.toString(b.value());
        };
    }

    @Override
    public String visitName(Expression.Name name, Void context) {
        return switch (checked.resolution(name)) {
            case Resolution.Series series -> series.series().source();
            case Resolution.ParameterRef parameter -> "$" + parameter.parameter().name();
            case Resolution.LetRef let -> of(let.let().value());
            case Resolution.VarRef variable -> "var:" + variable.variable().index();
        };
    }

    @Override
    public String visitCall(Expression.Call call, Void context) {
        Binding binding = checked.binding(call);
        if (binding.callee() instanceof Binding.Inlined inlined) {
            return of(inlined.body());
        }
        String callee = switch (binding.callee()) {
            case Binding.Catalogue catalogue -> catalogue.spec().name();
            case Binding.Builtin builtin -> builtin.function().source();
            case Binding.Inlined inlined -> throw new IllegalStateException("inlined above");
        };
        return callee + binding.arguments().stream().map(this::of).collect(Collectors.joining(",", "(", ")"));
    }

    @Override
    public String visitMemberAccess(Expression.MemberAccess access, Void context) {
        return switch (checked.member(access)) {
            case MemberResolution.IndicatorMember member -> of(member.call()) + "." + member.member().name();
            case MemberResolution.SignalField field -> "signal[" + field.signal() + "]." + field.key();
            case MemberResolution.RecordRead read -> "strategy." + read.field().source();
        };
    }

    @Override
    public String visitHistory(Expression.History history, Void context) {
        return of(history.subject()) + "[" + (checked.hasFixedOffset(history) ? Integer.toString(checked.offset(history))
                : of(history.offset())) + "]";
    }

    @Override
    public String visitUnary(Expression.Unary unary, Void context) {
        return unary.operator().symbol() + "(" + of(unary.operand()) + ")";
    }

    @Override
    public String visitBinary(Expression.Binary binary, Void context) {
        return "(" + of(binary.left()) + " " + binary.operator().symbol() + " " + of(binary.right()) + ")";
    }

    @Override
    public String visitBetween(Expression.Between between, Void context) {
        return "between(" + of(between.value()) + "," + of(between.low()) + "," + of(between.high()) + ")";
    }

    @Override
    public String visitConditional(Expression.Conditional conditional, Void context) {
        return "(" + of(conditional.condition()) + " ? " + of(conditional.whenTrue()) + " : "
                + of(conditional.whenFalse()) + ")";
    }

    @Override
    public String visitAtTimeframe(Expression.AtTimeframe at, Void context) {
        return "(" + of(at.subject()) + ")@" + checked.timeframe(at);
    }

    @Override
    protected String visitExpression(Expression expression, Void context) {
        throw new IllegalStateException("no key for " + expression);
    }
}
