package dev.stratc.compiler.codegen;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.check.Kind;

/** Java for the parts of an order beyond its side, quantity and prices. */
final class OrderCode {
    private OrderCode() {
    }

    /**
     * The {@code OrderRequest.Expiry} of {@code expire:}: a number of bars, a duration, or {@code "day"}; null
     * when left out (one bar in a backtest, resting at the venue for a plain limit order in a run).
     */
    static String expiry(Expression expire, Kind kind, String value) {
        if (expire == null) {
            return "null";
        }
        if (expire instanceof Expression.StringLiteral) {
            return "OrderRequest.Expiry.endOfDay()";
        }
        if (kind == Kind.DURATION) {
            return "OrderRequest.Expiry.ofMillis((long) " + value + ")";
        }
        return "OrderRequest.Expiry.ofBars((int) Math.round(" + value + "))";
    }
}
