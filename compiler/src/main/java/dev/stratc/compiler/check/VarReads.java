package dev.stratc.compiler.check;

import java.util.List;

import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Statement;

/**
 * The first {@code var} an expression reads at the bar being evaluated (through lets and inlined functions), or
 * {@code null}. Indicators are updated before the rules run, when a var still has its value of the previous bar:
 * such a read would silently lag, so the checker refuses it and suggests {@code x[1]}, which says so.
 */
final class VarReads extends AstVisitor<Expression.Name, Void> {
    private final CheckedStrategy checked;

    VarReads(CheckedStrategy checked) {
        this.checked = checked;
    }

    Expression.Name firstIn(Expression expression) {
        return expression == null ? null : expression.accept(this, null);
    }

    private Expression.Name first(List<Expression> expressions) {
        for (Expression expression : expressions) {
            Expression.Name found = firstIn(expression);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    protected Expression.Name visitExpression(Expression expression, Void context) {
        return null;
    }

    @Override
    public Expression.Name visitName(Expression.Name name, Void context) {
        return switch (checked.resolution(name)) {
            case Resolution.VarRef ignored -> name;
            case Resolution.LetRef(Statement.Let let) -> firstIn(let.value());
            case null, default -> null;
        };
    }

    @Override
    public Expression.Name visitCall(Expression.Call call, Void context) {
        Binding binding = checked.binding(call);
        if (binding == null) {
            return null;
        }
        if (binding.callee() instanceof Binding.Inlined(var function, Expression body)) {
            return firstIn(body);
        }
        return first(binding.arguments().stream().filter(java.util.Objects::nonNull).toList());
    }

    @Override
    public Expression.Name visitMemberAccess(Expression.MemberAccess access, Void context) {
        return checked.member(access) instanceof MemberResolution.IndicatorMember member ? firstIn(member.call())
                : null;
    }

    @Override
    public Expression.Name visitHistory(Expression.History history, Void context) {
        // x[1] and earlier were final when their bar ended: histories are kept after the rules have run.
        boolean earlier = checked.hasFixedOffset(history) && checked.offset(history) >= 1;
        return earlier ? null : firstIn(history.subject());
    }

    @Override
    public Expression.Name visitUnary(Expression.Unary unary, Void context) {
        return firstIn(unary.operand());
    }

    @Override
    public Expression.Name visitBinary(Expression.Binary binary, Void context) {
        return first(List.of(binary.left(), binary.right()));
    }

    @Override
    public Expression.Name visitBetween(Expression.Between between, Void context) {
        return first(List.of(between.value(), between.low(), between.high()));
    }

    @Override
    public Expression.Name visitConditional(Expression.Conditional conditional, Void context) {
        return first(List.of(conditional.condition(), conditional.whenTrue(), conditional.whenFalse()));
    }
}
