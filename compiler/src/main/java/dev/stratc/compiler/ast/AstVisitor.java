package dev.stratc.compiler.ast;

/**
 * A pass over expressions and statements. Defaults delegate up the hierarchy (a number literal is a literal is an
 * expression), so a pass overrides only the levels it cares about.
 *
 * @param <R> what each visit returns
 * @param <C> the context the pass threads through
 */
public abstract class AstVisitor<R, C> {

    protected R visitNode(Node node, C context) {
        return null;
    }

    protected R visitExpression(Expression expression, C context) {
        return visitNode(expression, context);
    }

    protected R visitLiteral(Expression.Literal literal, C context) {
        return visitExpression(literal, context);
    }

    public R visitNumber(Expression.NumberLiteral literal, C context) {
        return visitLiteral(literal, context);
    }

    public R visitPercent(Expression.PercentLiteral literal, C context) {
        return visitLiteral(literal, context);
    }

    public R visitDuration(Expression.DurationLiteral literal, C context) {
        return visitLiteral(literal, context);
    }

    public R visitString(Expression.StringLiteral literal, C context) {
        return visitLiteral(literal, context);
    }

    public R visitBoolean(Expression.BooleanLiteral literal, C context) {
        return visitLiteral(literal, context);
    }

    public R visitName(Expression.Name name, C context) {
        return visitExpression(name, context);
    }

    public R visitCall(Expression.Call call, C context) {
        return visitExpression(call, context);
    }

    public R visitMemberAccess(Expression.MemberAccess access, C context) {
        return visitExpression(access, context);
    }

    public R visitHistory(Expression.History history, C context) {
        return visitExpression(history, context);
    }

    public R visitUnary(Expression.Unary unary, C context) {
        return visitExpression(unary, context);
    }

    public R visitBinary(Expression.Binary binary, C context) {
        return visitExpression(binary, context);
    }

    public R visitBetween(Expression.Between between, C context) {
        return visitExpression(between, context);
    }

    public R visitConditional(Expression.Conditional conditional, C context) {
        return visitExpression(conditional, context);
    }

    public R visitAtTimeframe(Expression.AtTimeframe at, C context) {
        return visitExpression(at, context);
    }

    public R visitMap(Expression.MapLiteral map, C context) {
        return visitExpression(map, context);
    }

    public R visitInvalid(Expression.Invalid invalid, C context) {
        return visitExpression(invalid, context);
    }

    protected R visitStatement(Statement statement, C context) {
        return visitNode(statement, context);
    }

    public R visitWhen(Statement.When when, C context) {
        return visitStatement(when, context);
    }

    public R visitIf(Statement.If statement, C context) {
        return visitStatement(statement, context);
    }

    public R visitAssign(Statement.Assign assign, C context) {
        return visitStatement(assign, context);
    }

    public R visitOnSignal(Statement.OnSignal onSignal, C context) {
        return visitStatement(onSignal, context);
    }

    public R visitLet(Statement.Let let, C context) {
        return visitStatement(let, context);
    }

    public R visitAction(Statement.Action action, C context) {
        return visitStatement(action, context);
    }
}
