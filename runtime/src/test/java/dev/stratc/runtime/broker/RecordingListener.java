package dev.stratc.runtime.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.stratc.runtime.market.MarketEvent;

/** Keeps what a broker reports and lets a test wait for it. */
public final class RecordingListener implements BrokerListener {
    private final List<OrderEvent> orderEvents = new ArrayList<>();
    private final List<MarketEvent> marketEvents = new ArrayList<>();

    @Override
    public synchronized void onOrderEvent(OrderEvent event) {
        orderEvents.add(event);
        notifyAll();
    }

    @Override
    public synchronized void onMarketEvent(MarketEvent event) {
        marketEvents.add(event);
        notifyAll();
    }

    public synchronized List<OrderEvent> events(String clientOrderId) {
        return orderEvents.stream().filter(e -> e.clientOrderId().equals(clientOrderId)).toList();
    }

    public synchronized List<MarketEvent> marketEvents() {
        return List.copyOf(marketEvents);
    }

    /** Waits until an event of {@code type} for the order arrives, and returns the first such event. */
    public <E extends OrderEvent> E await(String clientOrderId, Class<E> type, Duration timeout) {
        return await(clientOrderId, type, e -> true, timeout);
    }

    public synchronized <E extends OrderEvent> E await(String clientOrderId, Class<E> type, Predicate<E> condition,
                                                       Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (OrderEvent event : orderEvents) {
                if (event.clientOrderId().equals(clientOrderId) && type.isInstance(event)
                        && condition.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " for " + clientOrderId + " within "
                        + timeout + "; events: " + events(clientOrderId));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
