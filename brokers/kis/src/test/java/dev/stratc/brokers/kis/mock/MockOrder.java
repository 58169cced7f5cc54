package dev.stratc.brokers.kis.mock;

/** An order as the mock exchange keeps it. */
final class MockOrder {

    final String orderNo;
    final String originalOrderNo;
    final String symbol;
    final boolean buy;
    final String division;
    final long quantity;
    long price;
    long filled;
    long filledValue;
    long remaining;
    boolean cancelled;
    /** A cancellation order's own row (KIS lists it beside the order it cancelled). */
    final boolean cancelRow;
    final String time;

    MockOrder(String orderNo, String originalOrderNo, String symbol, boolean buy, String division, long quantity,
            long price, boolean cancelRow, String time) {
        this.orderNo = orderNo;
        this.originalOrderNo = originalOrderNo;
        this.symbol = symbol;
        this.buy = buy;
        this.division = division;
        this.quantity = quantity;
        this.price = price;
        this.remaining = cancelRow ? 0 : quantity;
        this.cancelRow = cancelRow;
        this.time = time;
    }

    boolean working() {
        return remaining > 0 && !cancelled;
    }

    boolean market() {
        return !division.equals("00");
    }
}
