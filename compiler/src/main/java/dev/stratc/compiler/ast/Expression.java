package dev.stratc.compiler.ast;

import java.util.List;

/** A value: every numeric expression is a per-symbol series evaluated bar by bar. */
public sealed interface Expression extends Node {

    <R, C> R accept(AstVisitor<R, C> visitor, C context);

    /** Literals keep the text the user wrote, so the formatter prints {@code 500_000} back as written. */
    sealed interface Literal extends Expression {
        String text();
    }

    /** {@code 1000}, {@code 500_000}, {@code 2.5}. */
    record NumberLiteral(double value, String text, SourceSpan span) implements Literal {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitNumber(this, context);
        }
    }

    /** {@code 3%}: {@code value} is in percent units (3.0). */
    record PercentLiteral(double value, String text, SourceSpan span) implements Literal {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitPercent(this, context);
        }
    }

    /** {@code 5m}, {@code 30s}, {@code 1h}, {@code 1d}. */
    record DurationLiteral(long millis, String text, SourceSpan span) implements Literal {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitDuration(this, context);
        }
    }

    /** {@code "market"}; {@code value} without quotes and escapes resolved. */
    record StringLiteral(String value, String text, SourceSpan span) implements Literal {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitString(this, context);
        }
    }

    record BooleanLiteral(boolean value, String text, SourceSpan span) implements Literal {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitBoolean(this, context);
        }
    }

    /** A name: a built-in series, a parameter, a {@code let}, or {@code signal} in an {@code on signal}. */
    record Name(String name, SourceSpan span) implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitName(this, context);
        }
    }

    /** {@code rsi(14)}, {@code buy(quantity: 10)}: positional arguments first, then named ones. */
    record Call(String callee, SourceSpan calleeSpan, List<Argument> arguments, SourceSpan span) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitCall(this, context);
        }
    }

    /** @param name the argument's name, or {@code null} when positional */
    record Argument(String name, SourceSpan nameSpan, Expression value, SourceSpan span) implements Node {
    }

    /** {@code macd(12, 26, 9).signal}, {@code signal.surge_percent}. */
    record MemberAccess(Expression target, String member, SourceSpan memberSpan, SourceSpan span) implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitMemberAccess(this, context);
        }
    }

    /** {@code close[1]}: the value {@code offset} bars ago. */
    record History(Expression subject, Expression offset, SourceSpan span) implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitHistory(this, context);
        }
    }

    record Unary(UnaryOperator operator, Expression operand, SourceSpan span) implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitUnary(this, context);
        }
    }

    record Binary(BinaryOperator operator, Expression left, Expression right, SourceSpan span) implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitBinary(this, context);
        }
    }

    /** {@code price between [low, high]}, inclusive. */
    record Between(Expression value, Expression low, Expression high, SourceSpan span) implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitBetween(this, context);
        }
    }

    /** {@code condition ? whenTrue : whenFalse}: only the chosen branch's value is taken. */
    record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, SourceSpan span)
            implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitConditional(this, context);
        }
    }

    /**
     * {@code expression @ 1d}: the expression evaluated on bars of a higher timeframe built from the strategy's
     * own, as it was when the last of those bars completed.
     */
    record AtTimeframe(Expression subject, Expression timeframe, SourceSpan span) implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitAtTimeframe(this, context);
        }
    }

    /** {@code { symbol: symbol, entry_price: ask_price }}: a signal's payload. */
    record MapLiteral(List<MapEntry> entries, SourceSpan span) implements Expression {
        public MapLiteral {
            entries = List.copyOf(entries);
        }

        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitMap(this, context);
        }
    }

    record MapEntry(String key, SourceSpan keySpan, Expression value, SourceSpan span) implements Node {
    }

    /** Where the parser could not read an expression; the error is already reported. */
    record Invalid(String text, SourceSpan span) implements Expression {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitInvalid(this, context);
        }
    }

    enum UnaryOperator {
        NEGATE("-"), NOT("not");

        private final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Binary operators with their precedence, loosest (1) first, as the grammar orders them. */
    enum BinaryOperator {
        OR("or", 1), AND("and", 2),
        LESS("<", 4), LESS_OR_EQUAL("<=", 4), GREATER(">", 4), GREATER_OR_EQUAL(">=", 4), EQUAL("==", 4),
        NOT_EQUAL("!=", 4),
        ADD("+", 5), SUBTRACT("-", 5), MULTIPLY("*", 6), DIVIDE("/", 6);

        private final String symbol;
        private final int precedence;

        BinaryOperator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        public int precedence() {
            return precedence;
        }

        public boolean isComparison() {
            return precedence == 4;
        }

        public boolean isLogical() {
            return precedence <= 2;
        }
    }
}
