package dev.stratc.runtime.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.stratc.runtime.market.MarketEvent;

/** The default bus: delivers on the publisher's thread to every subscriber, in publishing order. */
public final class InProcessBus implements MarketDataBus {
    private final List<Consumer<MarketEvent>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(MarketEvent event) {
        for (Consumer<MarketEvent> subscriber : subscribers) {
            subscriber.accept(event);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<MarketEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
