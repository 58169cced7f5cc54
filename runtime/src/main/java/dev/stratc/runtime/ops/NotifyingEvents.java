package dev.stratc.runtime.ops;

import java.util.Locale;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.order.ManagedOrder;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.risk.Refusal;

/**
 * Turns a run's fills, refusals, kill switch, what needs a person's attention ({@link RunEvents#attention}) and
 * the strategy's notify(...) into notifications. Notes and warnings stay on the console: notes are information
 * that is not a fault (holdings found at start, which the status repeats), warnings are disagreements the run has
 * already resolved; whatever a person must act on is raised as {@code attention}, which is sent.
 */
public record NotifyingEvents(Notifier notifier, String runName) implements RunEvents {

    @Override
    public void filled(ManagedOrder order, OrderEvent.Fill fill, Position position) {
        notifier.send(String.format(Locale.ROOT, "[%s] %s %s %s @ %s on %s (position %s)", runName, fill.side(),
                ConsoleReport.amount(fill.quantity()), fill.symbol(), ConsoleReport.amount(fill.price()),
                order.account(), ConsoleReport.amount(position.quantity())));
    }

    @Override
    public void refused(OrderIntent intent, String account, Refusal refusal) {
        notifier.send("[" + runName + "] refused " + intent.side() + " " + intent.symbol() + ": " + refusal);
    }

    @Override
    public void killSwitch(String reason) {
        notifier.send("[" + runName + "] KILL SWITCH THROWN: " + reason);
    }

    @Override
    public void attention(String message) {
        notifier.send("[" + runName + "] " + message);
    }

    @Override
    public void strategyMessage(String symbol, long time, String message, boolean notify) {
        if (notify) {
            notifier.send("[" + runName + "] " + symbol + ": " + message);
        }
    }
}
