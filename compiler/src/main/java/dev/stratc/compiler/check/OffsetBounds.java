package dev.stratc.compiler.check;

import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.strategy.ParameterValue;

/**
 * The smallest and largest value a constant history offset can take: {@code close[3]} is 3..3, {@code close[k]}
 * with {@code k = 5 in 2..10} is 2..10, {@code close[k + 1]} 3..11. The compiler sizes each history from the
 * largest; an offset it cannot bound this way (a division, a function of a parameter) is refused.
 *
 * <p>Each value is bounded by interval arithmetic over the parameters' defaults and search spaces, which is exact
 * for sums and differences and safe for products.
 */
final class OffsetBounds extends AstVisitor<OffsetBounds.Range, Void> {

    /**
     * @param whole when every value the offset can take is a whole number
     * @param fixed when no parameter is involved: the offset is {@code min}, whatever the run's overrides
     */
    record Range(double min, double max, boolean whole, boolean fixed) {
        static Range of(double value) {
            return new Range(value, value, value == Math.rint(value), true);
        }
    }

    private final CheckedStrategy checked;

    OffsetBounds(CheckedStrategy checked) {
        this.checked = checked;
    }

    /** The range, or {@code null} when it cannot be bounded from the source. */
    Range of(Expression offset) {
        return offset.accept(this, null);
    }

    @Override
    protected Range visitExpression(Expression expression, Void context) {
        return null;
    }

    @Override
    public Range visitNumber(Expression.NumberLiteral literal, Void context) {
        return Range.of(literal.value());
    }

    @Override
    public Range visitName(Expression.Name name, Void context) {
        return switch (checked.resolution(name)) {
            case Resolution.ParameterRef(ParameterSymbol parameter) -> {
                double min = parameter.info().defaultValue().number();
                double max = min;
                boolean whole = min == Math.rint(min);
                for (ParameterValue value : parameter.info().searchSpace()) {
                    min = Math.min(min, value.number());
                    max = Math.max(max, value.number());
                    whole &= value.number() == Math.rint(value.number());
                }
                yield new Range(min, max, whole, false);
            }
            case Resolution.LetRef(Statement.Let let) -> of(let.value());
            case null, default -> null;
        };
    }

    @Override
    public Range visitUnary(Expression.Unary unary, Void context) {
        Range operand = of(unary.operand());
        return unary.operator() == Expression.UnaryOperator.NEGATE && operand != null
                ? new Range(-operand.max(), -operand.min(), operand.whole(), operand.fixed()) : null;
    }

    @Override
    public Range visitBinary(Expression.Binary binary, Void context) {
        Range left = of(binary.left());
        Range right = of(binary.right());
        if (left == null || right == null) {
            return null;
        }
        boolean whole = left.whole() && right.whole();
        boolean fixed = left.fixed() && right.fixed();
        return switch (binary.operator()) {
            case ADD -> new Range(left.min() + right.min(), left.max() + right.max(), whole, fixed);
            case SUBTRACT -> new Range(left.min() - right.max(), left.max() - right.min(), whole, fixed);
            case MULTIPLY -> {
                double[] corners = {left.min() * right.min(), left.min() * right.max(), left.max() * right.min(),
                    left.max() * right.max()};
                double min = corners[0];
                double max = corners[0];
                for (double corner : corners) {
                    min = Math.min(min, corner);
                    max = Math.max(max, corner);
                }
                yield new Range(min, max, whole, fixed);
            }
            default -> null;
        };
    }
}
