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

    /** Delivers every event published from now on; closing the returned handle stops delivery. */
    AutoCloseable subscribe(Consumer<MarketEvent> subscriber);

    @Override
    default void close() {
    }
}
