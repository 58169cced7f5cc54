package dev.stratc.runtime.testing;

import java.util.ArrayList;
import java.util.List;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.risk.Refusal;
import dev.stratc.strategy.Signal;

/** Keeps what a run reports, for assertions. */
public final class Recorder implements RunEvents {
    public final List<Signal> signals = new ArrayList<>();
    public final List<OrderIntent> planned = new ArrayList<>();
    public final List<OrderIntent> sent = new ArrayList<>();
    public final List<OrderEvent.Fill> fills = new ArrayList<>();
    public final List<Refusal> refusals = new ArrayList<>();
    public final List<String> kills = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    public final List<String> attentions = new ArrayList<>();
    public final List<OrderEvent> orderEvents = new ArrayList<>();

    @Override
    public void attention(String message) {
        attentions.add(message);
    }

    @Override
    public void orderEvent(ManagedOrder order, OrderEvent event) {
        orderEvents.add(event);
    }

    @Override
    public void signal(Signal signal) {
        signals.add(signal);
    }

    @Override
    public void planned(OrderIntent intent, String account) {
        planned.add(intent);
    }

    @Override
    public void sent(OrderIntent intent, String account) {
        sent.add(intent);
    }

    @Override
    public void filled(ManagedOrder order, OrderEvent.Fill fill, Position position) {
        fills.add(fill);
    }

    @Override
    public void refused(OrderIntent intent, String account, Refusal refusal) {
        refusals.add(refusal);
    }

    @Override
    public void killSwitch(String reason) {
        kills.add(reason);
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }
}
