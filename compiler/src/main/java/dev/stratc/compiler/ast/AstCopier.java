package dev.stratc.compiler.ast;

import java.util.List;

/**
 * A deep copy of an expression, every node new and every span kept. Function calls are inlined on copies of the
 * function's body: the checker records what it learns per node, and each call may give the body other kinds.
 */
public final class AstCopier extends AstVisitor<Expression, Void> {
    private static final AstCopier INSTANCE = new AstCopier();

    private AstCopier() {
    }

    public static Expression copy(Expression expression) {
        return expression == null ? null : expression.accept(INSTANCE, null);
    }

    public static Statement.Let copy(Statement.Let let) {
        return new Statement.Let(let.name(), let.nameSpan(), copy(let.value()), let.span());
    }

    @Override
    protected Expression visitLiteral(Expression.Literal literal, Void context) {
        return switch (literal) {
            case Expression.NumberLiteral n -> new Expression.NumberLiteral(n.value(), n.text(), n.span());
            case Expression.PercentLiteral p -> new Expression.PercentLiteral(p.value(), p.text(), p.span());
            case Expression.DurationLiteral d -> new Expression.DurationLiteral(d.millis(), d.text(), d.span());
            case Expression.StringLiteral s -> new Expression.StringLiteral(s.value(), s.text(), s.span());
            case Expression.BooleanLiteral b -> new Expression.BooleanLiteral(b.value(), b.text(), b.span());
        };
    }

    @Override
    public Expression visitName(Expression.Name name, Void context) {
        return new Expression.Name(name.name(), name.span());
    }

    @Override
    public Expression visitCall(Expression.Call call, Void context) {
        List<Expression.Argument> arguments = call.arguments().stream()
                .map(a -> new Expression.Argument(a.name(), a.nameSpan(), copy(a.value()), a.span()))
                .toList();
        return new Expression.Call(call.callee(), call.calleeSpan(), arguments, call.span());
    }

    @Override
    public Expression visitMemberAccess(Expression.MemberAccess access, Void context) {
        return new Expression.MemberAccess(copy(access.target()), access.member(), access.memberSpan(), access.span());
    }

    @Override
    public Expression visitHistory(Expression.History history, Void context) {
        return new Expression.History(copy(history.subject()), copy(history.offset()), history.span());
    }

    @Override
    public Expression visitUnary(Expression.Unary unary, Void context) {
        return new Expression.Unary(unary.operator(), copy(unary.operand()), unary.span());
    }

    @Override
    public Expression visitBinary(Expression.Binary binary, Void context) {
        return new Expression.Binary(binary.operator(), copy(binary.left()), copy(binary.right()), binary.span());
    }

    @Override
    public Expression visitBetween(Expression.Between between, Void context) {
        return new Expression.Between(copy(between.value()), copy(between.low()), copy(between.high()),
                between.span());
    }

    @Override
    public Expression visitConditional(Expression.Conditional conditional, Void context) {
        return new Expression.Conditional(copy(conditional.condition()), copy(conditional.whenTrue()),
                copy(conditional.whenFalse()), conditional.span());
    }

    @Override
    public Expression visitAtTimeframe(Expression.AtTimeframe at, Void context) {
        return new Expression.AtTimeframe(copy(at.subject()), copy(at.timeframe()), at.span());
    }

    @Override
    public Expression visitMap(Expression.MapLiteral map, Void context) {
        return new Expression.MapLiteral(map.entries().stream()
                .map(e -> new Expression.MapEntry(e.key(), e.keySpan(), copy(e.value()), e.span())).toList(),
                map.span());
    }

    @Override
    public Expression visitInvalid(Expression.Invalid invalid, Void context) {
        return new Expression.Invalid(invalid.text(), invalid.span());
    }
}
