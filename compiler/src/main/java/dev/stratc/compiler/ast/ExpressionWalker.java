package dev.stratc.compiler.ast;

/**
 * A pass that visits every sub-expression of an expression, as written: each node's children in source order,
 * a call's arguments, a history's subject and offset, a map's values. The one copy of that walk; a pass overrides
 * the nodes it looks at and calls {@code super} (or {@link #visit}) to go on below them.
 */
public abstract class ExpressionWalker extends AstVisitor<Void, Void> {

    /** Visits {@code expression} and what is below it; nothing for {@code null} (an argument left out). */
    protected void visit(Expression expression) {
        if (expression != null) {
            expression.accept(this, null);
        }
    }

    @Override
    public Void visitCall(Expression.Call call, Void context) {
        call.arguments().forEach(argument -> visit(argument.value()));
        return null;
    }

    @Override
    public Void visitMemberAccess(Expression.MemberAccess access, Void context) {
        visit(access.target());
        return null;
    }

    @Override
    public Void visitHistory(Expression.History history, Void context) {
        visit(history.subject());
        visit(history.offset());
        return null;
    }

    @Override
    public Void visitUnary(Expression.Unary unary, Void context) {
        visit(unary.operand());
        return null;
    }

    @Override
    public Void visitBinary(Expression.Binary binary, Void context) {
        visit(binary.left());
        visit(binary.right());
        return null;
    }

    @Override
    public Void visitBetween(Expression.Between between, Void context) {
        visit(between.value());
        visit(between.low());
        visit(between.high());
        return null;
    }

    @Override
    public Void visitConditional(Expression.Conditional conditional, Void context) {
        visit(conditional.condition());
        visit(conditional.whenTrue());
        visit(conditional.whenFalse());
        return null;
    }

    @Override
    public Void visitAtTimeframe(Expression.AtTimeframe at, Void context) {
        visit(at.subject());
        return null;
    }

    @Override
    public Void visitMap(Expression.MapLiteral map, Void context) {
        map.entries().forEach(entry -> visit(entry.value()));
        return null;
    }
}
