package dev.stratc.compiler.check;

import java.util.List;
import java.util.Set;

import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Statement;

/**
 * What an expression evaluated at another timeframe may not read, the first found (through lets and inlined
 * functions): a var or the position (the strategy's state at its own bars, not at the higher timeframe's), a
 * signal's payload, or another {@code @}. Returns the node and why, or {@code null}.
 */
final class TimeframeReads extends AstVisitor<TimeframeReads.Found, Void> {
    private static final Set<BuiltinSeries> POSITION = Set.of(BuiltinSeries.HAS_POSITION,
            BuiltinSeries.POSITION_QUANTITY, BuiltinSeries.ENTRY_PRICE, BuiltinSeries.POSITION_PROFIT_PERCENT,
            BuiltinSeries.POSITION_LOSS_PERCENT, BuiltinSeries.POSITION_PNL, BuiltinSeries.TIME_SINCE_ENTRY,
            BuiltinSeries.BARS_SINCE_ENTRY, BuiltinSeries.POSITION_ENTRIES, BuiltinSeries.FIRST_ENTRY_PRICE,
            BuiltinSeries.LAST_ENTRY_PRICE, BuiltinSeries.BARS_SINCE_LAST_ENTRY);

    record Found(Expression node, String text, String why) {
    }

    private final CheckedStrategy checked;

    TimeframeReads(CheckedStrategy checked) {
        this.checked = checked;
    }

    Found firstIn(Expression expression) {
        return expression == null ? null : expression.accept(this, null);
    }

    private Found first(List<Expression> expressions) {
        for (Expression expression : expressions) {
            Found found = firstIn(expression);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    protected Found visitExpression(Expression expression, Void context) {
        return null;
    }

    @Override
    public Found visitName(Expression.Name name, Void context) {
        return switch (checked.resolution(name)) {
            case Resolution.VarRef ignored -> new Found(name, name.name(),
                    "a var changes at the strategy's own bars; read it outside the @");
            case Resolution.Series(BuiltinSeries series) when POSITION.contains(series) -> new Found(name, name.name(),
                    "the position is the strategy's, at its own bars; read it outside the @");
            case Resolution.Series(BuiltinSeries series) when series.isSession() -> new Found(name, name.name(),
                    "the session follows the strategy's own bars; read it outside the @");
            case Resolution.LetRef(Statement.Let let) -> firstIn(let.value());
            case null, default -> null;
        };
    }

    @Override
    public Found visitCall(Expression.Call call, Void context) {
        Binding binding = checked.binding(call);
        if (binding == null) {
            return null;
        }
        if (binding.callee() instanceof Binding.Inlined(var function, Expression body)) {
            return firstIn(body);
        }
        if (binding.callee() instanceof Binding.Builtin(BuiltinFunction function)
                && (function == BuiltinFunction.VALUE_AT || function == BuiltinFunction.OPENING_HIGH
                || function == BuiltinFunction.OPENING_LOW)) {
            return new Found(call, function.source() + "(…)",
                    "the session follows the strategy's own bars; read it outside the @");
        }
        return first(binding.arguments().stream().filter(java.util.Objects::nonNull).toList());
    }

    @Override
    public Found visitMemberAccess(Expression.MemberAccess access, Void context) {
        return switch (checked.member(access)) {
            case MemberResolution.IndicatorMember member -> firstIn(member.call());
            case MemberResolution.RecordRead read -> new Found(access, "strategy." + read.field().source(),
                    "the strategy's record changes at its own bars; read it outside the @");
            case MemberResolution.SignalField field -> new Found(access, "signal." + field.key(),
                    "a signal is emitted at the strategy's own bars");
            case null -> null;
        };
    }

    @Override
    public Found visitAtTimeframe(Expression.AtTimeframe at, Void context) {
        return new Found(at, "@", "write one @ around the whole expression");
    }

    @Override
    public Found visitHistory(Expression.History history, Void context) {
        return first(List.of(history.subject(), history.offset()));
    }

    @Override
    public Found visitUnary(Expression.Unary unary, Void context) {
        return firstIn(unary.operand());
    }

    @Override
    public Found visitBinary(Expression.Binary binary, Void context) {
        return first(List.of(binary.left(), binary.right()));
    }

    @Override
    public Found visitBetween(Expression.Between between, Void context) {
        return first(List.of(between.value(), between.low(), between.high()));
    }

    @Override
    public Found visitConditional(Expression.Conditional conditional, Void context) {
        return first(List.of(conditional.condition(), conditional.whenTrue(), conditional.whenFalse()));
    }
}
