package dev.stratc.runtime.order;

/** One order of the run: its intent, the account carrying it, and its state. Owned by the engine thread. */
public final class ManagedOrder {
    private final OrderIntent intent;
    private final String account;
    private final double decisionPrice;
    private final boolean opensPosition;
    private OrderState state = OrderState.NEW;
    private double filledQuantity;
    private double filledValue;
    private long stateSince;
    private boolean cancelRequested;
    private String brokerOrderId;

    ManagedOrder(OrderIntent intent, String account, long now, double decisionPrice, boolean opensPosition) {
        this.intent = intent;
        this.account = account;
        this.decisionPrice = decisionPrice;
        this.opensPosition = opensPosition;
        this.stateSince = now;
    }

    /**
     * Moves to {@code next}. Returns {@code false} and leaves the state alone when the move is not allowed
     * (the broker reported something out of order; the caller records it).
     */
    boolean moveTo(OrderState next, long now) {
        if (next == state) {
            return true;
        }
        if (!state.canMoveTo(next)) {
            return false;
        }
        state = next;
        stateSince = now;
        return true;
    }

    void addFill(double quantity, double price) {
        filledQuantity += quantity;
        filledValue += quantity * price;
    }

    void cancelRequested() {
        cancelRequested = true;
    }

    void brokerOrderId(String id) {
        brokerOrderId = id;
    }

    public OrderIntent intent() {
        return intent;
    }

    public String clientOrderId() {
        return intent.clientOrderId();
    }

    public String account() {
        return account;
    }

    public OrderState state() {
        return state;
    }

    public long stateSince() {
        return stateSince;
    }

    public double filledQuantity() {
        return filledQuantity;
    }

    public double remainingQuantity() {
        return state.isTerminal() ? 0 : intent.quantity() - filledQuantity;
    }

    public double averageFillPrice() {
        return filledQuantity == 0 ? Double.NaN : filledValue / filledQuantity;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** The price the order was sized at: its limit, or the last price when it was decided. */
    public double decisionPrice() {
        return decisionPrice;
    }

    /** Whether the account held none of the symbol when the order was decided. */
    public boolean opensPosition() {
        return opensPosition;
    }

    public String brokerOrderId() {
        return brokerOrderId;
    }
}
