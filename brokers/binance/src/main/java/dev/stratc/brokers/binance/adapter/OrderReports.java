package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.rest.OrderState;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;
import java.math.MathContext;
import java.util.function.Predicate;

/**
 * Binance's order answers as the runtime's {@link OrderReport}: Spot and USDⓈ-M answer alike ({@link OrderState},
 * {@code cummulativeQuoteQty}/{@code cumQuote} over the executed quantity for the average price), so the mapping
 * is written here once; only which order types rest at a limit differs.
 */
final class OrderReports {
    /** Spot: every type but MARKET has a limit price (LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT). */
    static final Predicate<String> SPOT_LIMIT = type -> !type.equals("MARKET");
    /** USDⓈ-M as this adapter sends it: LIMIT; MARKET and the conditional *_MARKET orders trade at the market. */
    static final Predicate<String> USDM_LIMIT = type -> type.equals("LIMIT");

    private OrderReports() {
    }

    static OrderReport of(OrderState s, Predicate<String> limitType) {
        double filled = s.executedQty().doubleValue();
        double average = s.executedQty().signum() == 0 ? Double.NaN
                : s.cummulativeQuoteQty().divide(s.executedQty(), MathContext.DECIMAL64).doubleValue();
        OrderType type = limitType.test(s.type()) ? OrderType.LIMIT : OrderType.MARKET;
        return new OrderReport(s.clientOrderId(), Long.toString(s.orderId()), s.symbol(), Side.valueOf(s.side()), type,
                s.origQty().doubleValue(), type == OrderType.MARKET ? Double.NaN : s.price().doubleValue(), filled,
                average, status(s.status()));
    }

    /** Both markets' order statuses (PENDING_* are Spot's, during an amend or a cancel-replace). */
    static OrderStatus status(String binance) {
        return switch (binance) {
            case "NEW", "PENDING_NEW" -> OrderStatus.OPEN;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED", "PENDING_CANCEL" -> OrderStatus.CANCELLED;
            case "REJECTED" -> OrderStatus.REJECTED;
            default -> OrderStatus.EXPIRED;
        };
    }
}
