package dev.stratc.runtime.engine;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.strategy.Signal;

/**
 * What a run shows as it happens: the terminal, the notifications and the tests listen to it. Called on the
 * engine thread; implementations return quickly.
 */
public interface RunEvents {

    default void signal(Signal signal) {
    }

    /** Dry-run: an order the strategy would send, to this account. */
    default void planned(OrderIntent intent, String account) {
    }

    default void sent(OrderIntent intent, String account) {
    }

    default void orderEvent(ManagedOrder order, OrderEvent event) {
    }

    default void filled(ManagedOrder order, OrderEvent.Fill fill, Position position) {
    }

    default void refused(OrderIntent intent, String account, Refusal refusal) {
    }

    default void killSwitch(String reason) {
    }

    /** Something a person running the strategy should know that is not a fault (holdings found at start). */
    default void note(String message) {
    }

    /** Something the runtime and a broker disagree on, or an event that should not have come. */
    default void warning(String message) {
    }

    /**
     * Something a person must look at (an order the run gave up on): shown as a warning and, where a notifier
     * is set up, sent as a notification.
     */
    default void attention(String message) {
        warning(message);
    }

    /** A {@code log(...)} or {@code notify(...)} of the strategy; {@code notify} is true for the latter. */
    default void strategyMessage(String symbol, long time, String message, boolean notify) {
    }

    /** Composes several listeners. */
    static RunEvents all(RunEvents... listeners) {
        return new Composite(java.util.List.of(listeners));
    }
}
