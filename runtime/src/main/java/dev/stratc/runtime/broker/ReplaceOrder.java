package dev.stratc.runtime.broker;

/**
 * Changes a working limit order's quantity and price. Brokers number the amended order anew (KIS gives a new
 * order number, Binance's cancel-replace a new client id), so the runtime names it {@code newClientOrderId}.
 *
 * @param quantity the new total quantity, including what has filled
 */
public record ReplaceOrder(String clientOrderId, String newClientOrderId, String symbol, double quantity,
                           double limitPrice) {
}
