package dev.stratc.runtime.order;

import java.util.HashMap;
import java.util.Map;

/**
 * Entries sent and not yet filled, per account: how many would open a new position, on which symbols, and the
 * value they commit (at the price they were decided at). Pre-trade risk counts them as held, so orders decided
 * together cannot overshoot a limit before any of them fills. Kept up to date by {@link OrderManager} as orders
 * come and go, so a check costs a few map lookups however many orders are working.
 */
public final class PendingEntries {
    /** No pending entries at all. */
    public static final PendingEntries NONE = new PendingEntries();

    private final Map<String, Map<String, Integer>> opening = new HashMap<>();
    private final Map<String, Double> value = new HashMap<>();
    private int openingTotal;
    private double valueTotal;

    void add(ManagedOrder order) {
        if (order.intent().reducing()) {
            return;
        }
        if (order.opensPosition()) {
            Map<String, Integer> symbols = opening.computeIfAbsent(order.account(), a -> new HashMap<>());
            if (symbols.merge(order.intent().symbol(), 1, Integer::sum) == 1) {
                openingTotal++;
            }
        }
        change(order.account(), order.intent().quantity() * order.decisionPrice());
    }

    /** Part of an entry filled (or all of it ended): it no longer commits that much. */
    void reduce(ManagedOrder order, double quantity) {
        if (!order.intent().reducing()) {
            change(order.account(), -quantity * order.decisionPrice());
        }
    }

    void finished(ManagedOrder order) {
        if (order.intent().reducing()) {
            return;
        }
        reduce(order, order.intent().quantity() - order.filledQuantity());
        if (order.opensPosition()) {
            Map<String, Integer> symbols = opening.get(order.account());
            if (symbols != null && symbols.merge(order.intent().symbol(), -1, Integer::sum) <= 0) {
                symbols.remove(order.intent().symbol());
                openingTotal--;
            }
        }
    }

    private void change(String account, double delta) {
        if (Double.isNaN(delta)) {
            return;
        }
        value.merge(account, delta, Double::sum);
        valueTotal += delta;
    }

    public int opening(String account) {
        Map<String, Integer> symbols = opening.get(account);
        return symbols == null ? 0 : symbols.size();
    }

    public int openingTotal() {
        return openingTotal;
    }

    public boolean opens(String account, String symbol) {
        Map<String, Integer> symbols = opening.get(account);
        return symbols != null && symbols.containsKey(symbol);
    }

    public double value(String account) {
        return Math.max(0, value.getOrDefault(account, 0.0));
    }

    public double valueTotal() {
        return Math.max(0, valueTotal);
    }
}
