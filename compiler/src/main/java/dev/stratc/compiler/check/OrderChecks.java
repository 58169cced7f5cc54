package dev.stratc.compiler.check;

import java.util.List;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;

/**
 * The checks of order types, expiries and stops given as prices or distances: what {@code buy}/{@code sell}
 * accept beyond a market or limit order, and which form of {@code stop_loss}, {@code take_profit} and
 * {@code trailing_stop} a call uses. Kept apart from {@link Checker} so the order rules read in one place.
 */
final class OrderChecks {
    /** The order types, as written in {@code type:}. */
    static final List<String> TYPES = List.of("market", "limit", "stop", "stop_limit");

    /** Argument positions of buy and sell (see {@link BuiltinFunction#BUY}). */
    static final int TYPE = 1;
    static final int STOP = 5;
    static final int EXPIRE = 6;
    static final int ONCE = 7;

    private final CheckedStrategy checked;
    private final DiagnosticReporter reporter;

    OrderChecks(CheckedStrategy checked, DiagnosticReporter reporter) {
        this.checked = checked;
        this.reporter = reporter;
    }

    /** The stop: and expire: arguments of a buy or sell, once its type and price were checked. */
    void order(Expression.Call call, List<Expression> arguments, Scope scope) {
        Expression once = arguments.get(ONCE);
        if (once != null && scope.blockKind() != dev.stratc.compiler.ast.Member.BlockKind.EXIT
                && checked.header().pyramiding() <= 1) {
            reporter.report(DiagnosticCode.ONCE_MISPLACED, once.span(),
                    "once: true keeps an order of an open position to one per position: a partial exit, or an add "
                            + "with pyramiding: N in the header",
                    "an entry is given once per position already");
        }
        String type = arguments.get(TYPE) instanceof Expression.StringLiteral text ? text.value() : null;
        if (type == null || !TYPES.contains(type)) {
            return;   // reported with the type
        }
        Expression stop = arguments.get(STOP);
        boolean triggered = type.equals("stop") || type.equals("stop_limit");
        if (triggered && stop == null) {
            reporter.report(DiagnosticCode.INVALID_ORDER, arguments.get(TYPE).span(),
                    "add stop: …, the price that triggers it, e.g. stop: highest(20)[1]",
                    "a " + type.replace('_', '-') + " order needs a stop price");
        } else if (!triggered && stop != null) {
            reporter.report(DiagnosticCode.INVALID_ORDER, stop.span(),
                    "write type: \"stop\" or type: \"stop_limit\" to use a trigger price",
                    "a " + type + " order takes no stop price");
        }
        Expression expire = arguments.get(EXPIRE);
        if (expire == null) {
            return;
        }
        if (type.equals("market")) {
            reporter.report(DiagnosticCode.INVALID_EXPIRY, expire.span(),
                    "a market order fills at the next price; give expire: to a limit or stop order",
                    "a market order does not rest, so it cannot expire");
            return;
        }
        switch (expire) {
            case Expression.StringLiteral text when !text.value().equals("day") -> reporter.report(
                    DiagnosticCode.INVALID_EXPIRY, expire.span(), "write expire: \"day\", a number of bars (3) or a "
                            + "duration (30m)", "\"" + text.value() + "\" is not an expiry");
            case Expression.NumberLiteral n when !(n.value() >= 1 && n.value() == Math.rint(n.value())
                    && n.value() <= 1_000_000) -> reporter.report(DiagnosticCode.INVALID_EXPIRY, expire.span(),
                    "give a whole number of bars, at least 1: expire: 3", "an order lives at least one bar");
            case Expression.DurationLiteral d when d.millis() <= 0 -> reporter.report(DiagnosticCode.INVALID_EXPIRY,
                    expire.span(), "give a duration above 0, e.g. expire: 30m", "an order lives a while");
            default -> {
            }
        }
    }

    /**
     * The value a stop is defined by: for {@code stop_loss} and {@code take_profit} the percent or the
     * {@code price:}, exactly one of them; for {@code trailing_stop} a constant percent or a distance in price.
     * Returns {@code null} after reporting when the call gives none or both.
     */
    Expression stop(Expression.Call call, BuiltinFunction function, List<Expression> arguments) {
        switch (function) {
            case STOP_LOSS, TAKE_PROFIT -> {
                Expression percent = arguments.get(0);
                Expression price = arguments.get(1);
                if ((percent == null) == (price == null)) {
                    reporter.report(DiagnosticCode.INVALID_STOP, call.span(),
                            "write " + function.source() + "(2%) for a percent of the entry price, or "
                                    + function.source() + "(price: …) for a price",
                            percent == null ? function.source() + " needs a percent or a price"
                                    : function.source() + " takes a percent or a price, not both");
                    return null;
                }
                return percent != null ? percent : price;
            }
            case TRAILING_STOP -> {
                Expression distance = arguments.get(0);
                if (checked.kind(distance) == Kind.PERCENT && !checked.isConstant(distance)) {
                    reporter.report(DiagnosticCode.INVALID_STOP, distance.span(),
                            "give a constant percent (0.3%, a parameter) or a distance in price (atr(14) * 2)",
                            "a trailing stop's percent must be fixed when the strategy starts");
                    return null;
                }
                return distance;
            }
            default -> {
                return arguments.get(0);
            }
        }
    }

    /** Whether a stop's value is an expression evaluated at each bar (a price or a distance) rather than a percent. */
    static boolean isLevel(CheckedStrategy checked, BuiltinFunction function) {
        Expression value = checked.stops().get(function);
        return value != null && function != BuiltinFunction.TIME_STOP && checked.kind(value) == Kind.NUMBER;
    }
}
