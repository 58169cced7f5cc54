package dev.stratc.runtime.order;

import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.broker.TimeInForce;
import dev.stratc.strategy.AccountChoice;

/**
 * An order the engine decided on, in units, before risk and routing. Its client order id is derived from where
 * the decision was taken (run, data position, ordinal), so the same decision made again after a restart has
 * the same id and can never become a second order.
 *
 * @param reducing whether it only reduces an open position (exits and stops); risk lets those through a thrown
 *                 kill switch
 * @param sequence     the engine event the decision was taken at
 * @param touchedPrice for an exit a declarative stop triggered, the price the market touched it at; else NaN
 */
public record OrderIntent(String clientOrderId, String symbol, Side side, OrderType type, double quantity,
                          double limitPrice, AccountChoice account, String tag, String reason, boolean reducing,
                          long sequence, long time, double touchedPrice) {

    public OrderIntent(String clientOrderId, String symbol, Side side, OrderType type, double quantity,
                       double limitPrice, AccountChoice account, String tag, String reason, boolean reducing,
                       long sequence, long time) {
        this(clientOrderId, symbol, side, type, quantity, limitPrice, account, tag, reason, reducing, sequence, time,
                Double.NaN);
    }

    public SubmitOrder toSubmit() {
        return new SubmitOrder(clientOrderId, symbol, side, type, quantity, limitPrice, TimeInForce.DAY, touchedPrice);
    }
}
