package dev.stratc.runtime.engine;

import java.util.List;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.strategy.Signal;

/** Several {@link RunEvents} as one. */
record Composite(List<RunEvents> listeners) implements RunEvents {
    @Override
    public void signal(Signal signal) {
        listeners.forEach(l -> l.signal(signal));
    }

    @Override
    public void planned(OrderIntent intent, String account) {
        listeners.forEach(l -> l.planned(intent, account));
    }

    @Override
    public void sent(OrderIntent intent, String account) {
        listeners.forEach(l -> l.sent(intent, account));
    }

    @Override
    public void orderEvent(ManagedOrder order, OrderEvent event) {
        listeners.forEach(l -> l.orderEvent(order, event));
    }

    @Override
    public void filled(ManagedOrder order, OrderEvent.Fill fill, Position position) {
        listeners.forEach(l -> l.filled(order, fill, position));
    }

    @Override
    public void refused(OrderIntent intent, String account, Refusal refusal) {
        listeners.forEach(l -> l.refused(intent, account, refusal));
    }

    @Override
    public void killSwitch(String reason) {
        listeners.forEach(l -> l.killSwitch(reason));
    }

    @Override
    public void note(String message) {
        listeners.forEach(l -> l.note(message));
    }

    @Override
    public void warning(String message) {
        listeners.forEach(l -> l.warning(message));
    }

    @Override
    public void attention(String message) {
        listeners.forEach(l -> l.attention(message));
    }

    @Override
    public void strategyMessage(String symbol, long time, String message, boolean notify) {
        listeners.forEach(l -> l.strategyMessage(symbol, time, message, notify));
    }
}
