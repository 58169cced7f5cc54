package dev.stratc.runtime.broker;

/**
 * What a broker tells about an order after a command. Every event names the order by its client order id.
 * Events of one order arrive in the order they happened; a broker may repeat an event after a reconnect, so
 * receivers deduplicate fills by {@link Fill#tradeId()}.
 */
public sealed interface OrderEvent {

    String clientOrderId();

    /** When the broker says it happened, epoch milliseconds. */
    long time();

    /** The broker took the order and it is working. */
    record Accepted(String clientOrderId, String brokerOrderId, long time) implements OrderEvent {
    }

    /** The broker refused the order; nothing of it remains at the broker. */
    record Rejected(String clientOrderId, RejectReason reason, String message, long time) implements OrderEvent {
    }

    /**
     * Part or all of the order traded. {@code leavesQuantity} is 0 when the order is complete.
     *
     * <p>The commission is counted in {@code commissionAsset}: an empty asset (or the account's quote currency,
     * {@link BrokerInfo#currency()}) comes out of cash; the symbol's base asset ({@link BrokerPort#baseAsset})
     * comes out of the quantity bought or sold, so a buy of 0.01 BTC with a 0.00001 BTC fee leaves 0.00999 held;
     * any other asset (Binance's BNB) is paid from a balance the strategy does not trade.
     *
     * @param tradeId        unique per execution at the broker; the key that makes fills idempotent
     * @param quantity       what traded, before any commission taken in the base asset
     * @param commissionAsset the asset the commission was charged in; empty for the quote currency
     */
    record Fill(String clientOrderId, String tradeId, String symbol, Side side, double quantity, double price,
                double commission, double cumulativeQuantity, double leavesQuantity, long time,
                String commissionAsset)
            implements OrderEvent {
        public Fill {
            commissionAsset = commissionAsset == null ? "" : commissionAsset;
        }

        /** A fill whose commission is charged in the quote currency (KIS, the simulated exchange). */
        public Fill(String clientOrderId, String tradeId, String symbol, Side side, double quantity, double price,
                    double commission, double cumulativeQuantity, double leavesQuantity, long time) {
            this(clientOrderId, tradeId, symbol, side, quantity, price, commission, cumulativeQuantity,
                    leavesQuantity, time, "");
        }
    }

    /** The rest of the order was cancelled; {@code filledQuantity} traded before. */
    record Cancelled(String clientOrderId, double filledQuantity, long time) implements OrderEvent {
    }

    /** The order ended by its time in force (a day order at the close). */
    record Expired(String clientOrderId, double filledQuantity, long time) implements OrderEvent {
    }

    /** A replace took effect: the order now works as {@code newClientOrderId} with the new terms. */
    record Replaced(String clientOrderId, String newClientOrderId, double quantity, double limitPrice, long time)
            implements OrderEvent {
    }

    /** A cancel or replace was refused (the order had already finished, or is unknown); the order is unchanged. */
    record CancelRejected(String clientOrderId, String message, long time) implements OrderEvent {
    }
}
