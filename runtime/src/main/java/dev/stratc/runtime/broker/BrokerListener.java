package dev.stratc.runtime.broker;

import dev.stratc.runtime.market.MarketEvent;

/**
 * Receives what a broker reports. A broker calls its listener from one thread at a time, in the order things
 * happened; a listener returns quickly (the engine only queues what it is given).
 */
public interface BrokerListener {

    void onOrderEvent(OrderEvent event);

    void onMarketEvent(MarketEvent event);

    /** The session went down or came back; {@code detail} says why, for the status view and the journal. */
    default void onConnection(boolean up, String detail) {
    }

    /**
     * A funding payment of a futures position; a broker may report one again (after a reconnect or a read of its
     * history), the runtime books each {@link Funding#id} once.
     */
    default void onFunding(Funding funding) {
    }
}
