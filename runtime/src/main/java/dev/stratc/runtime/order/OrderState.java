package dev.stratc.runtime.order;

import java.util.EnumSet;
import java.util.Set;

/** Where an order is in its life, as the runtime tracks it. */
public enum OrderState {
    /** Decided and journalled, not yet sent. */
    NEW,
    /** Sent; the broker has not answered yet. */
    SUBMITTED,
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    EXPIRED,
    /** Amended: the order lives on under a new client order id. */
    REPLACED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED || this == REPLACED;
    }

    /** Whether an order may move from this state to {@code next}. */
    public boolean canMoveTo(OrderState next) {
        return switch (this) {
            case NEW -> EnumSet.of(SUBMITTED, REJECTED).contains(next);
            case SUBMITTED -> !Set.of(NEW, SUBMITTED).contains(next);
            case ACCEPTED -> !Set.of(NEW, SUBMITTED, ACCEPTED, REJECTED).contains(next);
            case PARTIALLY_FILLED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, REPLACED).contains(next);
            default -> false;
        };
    }
}
