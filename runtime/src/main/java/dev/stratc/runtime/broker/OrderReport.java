package dev.stratc.runtime.broker;

/**
 * What a broker knows about one order: the answer to {@link BrokerPort#order} and the rows of
 * {@link BrokerPort#openOrders}. Reconciliation compares these with the journal.
 *
 * @param averageFillPrice {@code NaN} while nothing has filled
 */
public record OrderReport(String clientOrderId, String brokerOrderId, String symbol, Side side, OrderType type,
                          double quantity, double limitPrice, double filledQuantity, double averageFillPrice,
                          OrderStatus status) {

    public double remainingQuantity() {
        return status.isWorking() ? quantity - filledQuantity : 0;
    }
}
