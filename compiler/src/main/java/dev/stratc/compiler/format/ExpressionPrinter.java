package dev.stratc.compiler.format;

import java.util.stream.Collectors;

import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;

/**
 * An expression on one line, in canonical spelling: operators spaced, keywords upper case, parentheses only
 * where precedence needs them, literals exactly as written.
 */
public final class ExpressionPrinter extends AstVisitor<String, Void> {
    private static final int POSTFIX = 8;
    private static final int UNARY = 7;
    private static final int NOT = 3;
    /** Looser than OR: {@code a OR b ? x : y} chooses by the whole condition. */
    private static final int CONDITIONAL = 0;
    /** The loosest: {@code close > ema(close, 20) @ 1d} evaluates the whole comparison on daily bars. */
    private static final int TIMEFRAME = -1;

    private static final ExpressionPrinter INSTANCE = new ExpressionPrinter();

    private ExpressionPrinter() {
    }

    public static String print(Expression expression) {
        return expression.accept(INSTANCE, null);
    }

    static int precedence(Expression expression) {
        return switch (expression) {
            case Expression.Binary binary -> binary.operator().precedence();
            case Expression.Between between -> 4;
            case Expression.Unary unary -> unary.operator() == Expression.UnaryOperator.NOT ? NOT : UNARY;
            case Expression.Conditional conditional -> CONDITIONAL;
            case Expression.AtTimeframe at -> TIMEFRAME;
            default -> POSTFIX + 1;
        };
    }

    private static String operand(Expression expression, int minimum) {
        String text = print(expression);
        return precedence(expression) < minimum ? "(" + text + ")" : text;
    }

    @Override
    protected String visitLiteral(Expression.Literal literal, Void context) {
        return literal.text();
    }

    @Override
    public String visitName(Expression.Name name, Void context) {
        return name.name();
    }

    @Override
    public String visitInvalid(Expression.Invalid invalid, Void context) {
        return invalid.text();
    }

    @Override
    public String visitCall(Expression.Call call, Void context) {
        return call.callee() + call.arguments().stream().map(ExpressionPrinter::argument)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    static String argument(Expression.Argument argument) {
        return (argument.name() == null ? "" : argument.name() + ": ") + print(argument.value());
    }

    @Override
    public String visitMap(Expression.MapLiteral map, Void context) {
        if (map.entries().isEmpty()) {
            return "{}";
        }
        return map.entries().stream().map(ExpressionPrinter::entry).collect(Collectors.joining(", ", "{ ", " }"));
    }

    static String entry(Expression.MapEntry entry) {
        String key = entry.key().matches("[a-zA-Z_][a-zA-Z0-9_]*") ? entry.key() : '"' + entry.key() + '"';
        return key + ": " + print(entry.value());
    }

    @Override
    public String visitMemberAccess(Expression.MemberAccess access, Void context) {
        return operand(access.target(), POSTFIX) + "." + access.member();
    }

    @Override
    public String visitHistory(Expression.History history, Void context) {
        return operand(history.subject(), POSTFIX) + "[" + print(history.offset()) + "]";
    }

    @Override
    public String visitUnary(Expression.Unary unary, Void context) {
        if (unary.operator() == Expression.UnaryOperator.NOT) {
            return "NOT " + operand(unary.operand(), NOT);
        }
        // "- -x" keeps its space so it is not read as a comment or a different token.
        String operand = operand(unary.operand(), UNARY);
        return operand.startsWith("-") ? "-(" + operand + ")" : "-" + operand;
    }

    @Override
    public String visitBinary(Expression.Binary binary, Void context) {
        int precedence = binary.operator().precedence();
        String symbol = switch (binary.operator()) {
            case AND -> "AND";
            case OR -> "OR";
            default -> binary.operator().symbol();
        };
        // Left-associative: the right operand needs parentheses at equal precedence; comparisons do not chain.
        int leftMinimum = binary.operator().isComparison() ? precedence + 1 : precedence;
        return operand(binary.left(), leftMinimum) + " " + symbol + " " + operand(binary.right(), precedence + 1);
    }

    /** Right-associative: {@code a ? x : b ? y : z} needs no parentheses; a choice inside a condition does. */
    @Override
    public String visitConditional(Expression.Conditional conditional, Void context) {
        return operand(conditional.condition(), CONDITIONAL + 1) + " ? " + operand(conditional.whenTrue(), CONDITIONAL + 1)
                + " : " + operand(conditional.whenFalse(), CONDITIONAL);
    }

    @Override
    public String visitAtTimeframe(Expression.AtTimeframe at, Void context) {
        return operand(at.subject(), CONDITIONAL) + " @ " + print(at.timeframe());
    }

    @Override
    public String visitBetween(Expression.Between between, Void context) {
        return operand(between.value(), 5) + " between [" + print(between.low()) + ", " + print(between.high()) + "]";
    }
}
