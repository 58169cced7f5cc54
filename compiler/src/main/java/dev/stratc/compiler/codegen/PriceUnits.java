package dev.stratc.compiler.codegen;

import java.util.Set;

import dev.stratc.compiler.ast.AstVisitor;
import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.check.Binding;
import dev.stratc.compiler.check.BuiltinFunction;
import dev.stratc.compiler.check.CheckedStrategy;
import dev.stratc.compiler.check.Kind;
import dev.stratc.compiler.check.Resolution;
import dev.stratc.indicators.catalog.Category;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.catalog.ParamKind;

/**
 * Whether a series is in units of the price, so that the report draws it over the price ({@code sma(close, 20)},
 * {@code entry_price}) rather than in a pane of its own ({@code rsi(14)}, {@code sma(volume, 20)}). An average or a
 * price band is a price when what it reads is one; a sum or difference of prices is a price, as is a price times
 * or over a plain number.
 */
final class PriceUnits extends AstVisitor<Boolean, Void> {
    /** Indicators outside the averages whose value is in the unit of the series they read (or of the price). */
    private static final Set<String> PRICE_LEVELS = Set.of("highest", "lowest", "vwap", "rolling_vwap", "bollinger",
            "keltner", "donchian", "supertrend", "parabolic_sar", "upper_limit", "lower_limit", "tick_size");

    private final CheckedStrategy checked;

    PriceUnits(CheckedStrategy checked) {
        this.checked = checked;
    }

    boolean isPrice(Expression expression) {
        return expression != null && Boolean.TRUE.equals(expression.accept(this, null));
    }

    @Override
    protected Boolean visitNode(dev.stratc.compiler.ast.Node node, Void context) {
        return false;
    }

    @Override
    public Boolean visitName(Expression.Name name, Void context) {
        return switch (checked.resolution(name)) {
            case Resolution.Series series -> switch (series.series()) {
                case OPEN, HIGH, LOW, CLOSE, PRICE, HL2, HLC3, OHLC4, BID_PRICE, ASK_PRICE, ENTRY_PRICE, SESSION_HIGH,
                     SESSION_LOW -> true;
                default -> false;
            };
            case Resolution.LetRef let -> isPrice(let.let().value());
            case null, default -> false;
        };
    }

    @Override
    public Boolean visitCall(Expression.Call call, Void context) {
        Binding binding = checked.binding(call);
        if (binding == null) {
            return false;
        }
        return switch (binding.callee()) {
            case Binding.Inlined inlined -> isPrice(inlined.body());
            case Binding.Builtin(BuiltinFunction function) -> switch (function) {
                case OPENING_HIGH, OPENING_LOW -> true;
                case VALUE_AT, NZ -> isPrice(binding.arguments().get(function == BuiltinFunction.NZ ? 0 : 1));
                default -> false;
            };
            case Binding.Catalogue(FunctionSpec spec) -> isPriceIndicator(spec, binding);
        };
    }

    static boolean isPriceIndicator(FunctionSpec spec, Binding binding, PriceUnits units) {
        if (spec.category() != Category.AVERAGES && !PRICE_LEVELS.contains(spec.name())) {
            return false;
        }
        for (int i = 0; i < spec.params().size() && i < binding.arguments().size(); i++) {
            if (spec.params().get(i).kind() == ParamKind.SERIES) {
                return units.isPrice(binding.arguments().get(i));
            }
        }
        return true;
    }

    private boolean isPriceIndicator(FunctionSpec spec, Binding binding) {
        return isPriceIndicator(spec, binding, this);
    }

    @Override
    public Boolean visitMemberAccess(Expression.MemberAccess access, Void context) {
        return checked.member(access) instanceof dev.stratc.compiler.check.MemberResolution.IndicatorMember member
                && checked.kind(access) == Kind.NUMBER && isPrice(member.call());
    }

    @Override
    public Boolean visitHistory(Expression.History history, Void context) {
        return isPrice(history.subject());
    }

    @Override
    public Boolean visitConditional(Expression.Conditional conditional, Void context) {
        return isPrice(conditional.whenTrue()) && isPrice(conditional.whenFalse());
    }

    @Override
    public Boolean visitBinary(Expression.Binary binary, Void context) {
        boolean left = isPrice(binary.left());
        boolean right = isPrice(binary.right());
        return switch (binary.operator()) {
            case ADD, SUBTRACT -> left && right || left && plain(binary.right()) || right && plain(binary.left());
            case MULTIPLY -> left && plain(binary.right()) || right && plain(binary.left());
            case DIVIDE -> left && plain(binary.right());
            default -> false;
        };
    }

    /** A number that is not itself a price: a constant, or a volatility such as atr that adds to one. */
    private boolean plain(Expression expression) {
        if (checked.isConstant(expression)) {
            return checked.kind(expression) == Kind.NUMBER;
        }
        return expression instanceof Expression.Binary binary
                && binary.operator() == Expression.BinaryOperator.MULTIPLY
                && (checked.isConstant(binary.left()) || checked.isConstant(binary.right()))
                || expression instanceof Expression.Call call && checked.binding(call) != null
                && checked.binding(call).callee() instanceof Binding.Catalogue(FunctionSpec spec)
                && (spec.name().equals("atr") || spec.name().equals("stdev") || spec.name().equals("true_range"));
    }
}
