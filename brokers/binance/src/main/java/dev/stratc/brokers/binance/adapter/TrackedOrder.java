package dev.stratc.brokers.binance.adapter;

import dev.stratc.runtime.broker.Side;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * What the adapter has told the runtime about one order, so that an event reported twice (the REST answer and
 * the user data stream, or both connections of an overlap, or a reconciliation) is passed on once.
 */
final class TrackedOrder {
    final String clientOrderId;
    final String symbol;
    final Side side;
    final BigDecimal quantity;
    final Set<String> tradeIds = new HashSet<>();
    BigDecimal filled = BigDecimal.ZERO;
    long orderId = -1;
    boolean accepted;
    boolean finished;
    /** Being cancelled by a cancel-replace: its CANCELED report is the first half of a Replaced. */
    boolean replacing;

    TrackedOrder(String clientOrderId, String symbol, Side side, BigDecimal quantity) {
        this.clientOrderId = clientOrderId;
        this.symbol = symbol;
        this.side = side;
        this.quantity = quantity;
    }

    BigDecimal leaves() {
        return quantity.subtract(filled).max(BigDecimal.ZERO);
    }
}
