package dev.stratc.runtime.bus;

import java.util.function.Consumer;

import dev.stratc.runtime.market.MarketEvent;

/**
 * How market data reaches the engines. Messages are {@link MarketEvent}s: serializable records keyed by
 * {@link MarketEvent#symbol()}, so a distributed bus (Kafka: one topic, the symbol as the record key, so one
 * symbol's events stay in order on one partition) can replace the in-process one without touching publishers
 * or subscribers. A bus delivers one symbol's events in the order they were published.
 */
public interface MarketDataBus extends AutoCloseable {

    void publish(MarketEvent event);

    /**
     * Publishes with a position the publisher chose (a replayed data set: the event's index in it), which a
     * distributed bus carries so that a second publication of the same event is recognised; the in-process bus
     * has no use for it.
     */
    default void publish(MarketEvent event, long sequence) {
        publish(event);
    }

    /** Waits until everything published so far is delivered or stored. */
    default void flush() {
    }

    /** Delivers every event published from now on; closing the returned handle stops delivery. */
    AutoCloseable subscribe(Consumer<MarketEvent> subscriber);

    @Override
    default void close() {
    }
}
