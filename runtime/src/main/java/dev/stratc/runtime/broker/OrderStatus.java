package dev.stratc.runtime.broker;

/** An order's status as the broker reports it. */
public enum OrderStatus {
    OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED;

    /** Whether the order can still fill. */
    public boolean isWorking() {
        return this == OPEN || this == PARTIALLY_FILLED;
    }
}
