package dev.stratc.runtime.order;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.Side;

/**
 * The run's orders and their state machines. It applies broker events in the order they come, counts each fill
 * once (by trade id), and says what each event changed; it does not talk to brokers or write the journal.
 */
public final class OrderManager {
    private final Map<String, ManagedOrder> orders = new LinkedHashMap<>();
    /** The unfinished ones, kept apart so a long run's history does not slow every tick down. */
    private final Map<String, ManagedOrder> working = new LinkedHashMap<>();
    private final Set<String> tradeIds = new HashSet<>();
    private final Map<String, Integer> workingByAccount = new HashMap<>();
    private final Map<String, Integer> workingExits = new HashMap<>();
    private final PendingEntries pending = new PendingEntries();

    /** What applying one event did. */
    public record Outcome(ManagedOrder order, OrderEvent.Fill fill, String anomaly) {
        public boolean isFill() {
            return fill != null;
        }
    }

    public boolean knows(String clientOrderId) {
        return orders.containsKey(clientOrderId);
    }

    public ManagedOrder get(String clientOrderId) {
        return orders.get(clientOrderId);
    }

    /**
     * Registers a decided order.
     *
     * @param decisionPrice the price it was sized at (its limit, or the last price)
     * @param opensPosition whether the account held none of the symbol when it was decided
     */
    public ManagedOrder add(OrderIntent intent, String account, long now, double decisionPrice, boolean opensPosition) {
        ManagedOrder order = new ManagedOrder(intent, account, now, decisionPrice, opensPosition);
        if (orders.putIfAbsent(intent.clientOrderId(), order) != null) {
            throw new IllegalStateException("order " + intent.clientOrderId() + " exists already");
        }
        working.put(intent.clientOrderId(), order);
        workingByAccount.merge(account, 1, Integer::sum);
        if (intent.reducing()) {
            workingExits.merge(exitKey(account, intent.symbol()), 1, Integer::sum);
        }
        pending.add(order);
        return order;
    }

    private static String exitKey(String account, String symbol) {
        return account + '\u0000' + symbol;
    }

    /** Entries sent and not filled, for pre-trade risk. */
    public PendingEntries pendingEntries() {
        return pending;
    }

    /** How many orders of the account are working. */
    public int workingCount(String account) {
        return workingByAccount.getOrDefault(account, 0);
    }

    /** Whether an order reducing the account's position in the symbol is working. */
    public boolean exitWorking(String account, String symbol) {
        return workingExits.containsKey(exitKey(account, symbol));
    }

    /**
     * The account's working orders in {@code symbol} on {@code side}, oldest first. Against a position these are
     * the exits already on their way: what they have not filled yet still sells (or buys back) from the holding.
     */
    public List<ManagedOrder> working(String account, String symbol, Side side) {
        if (working.isEmpty()) {
            return List.of();
        }
        return working.values().stream().filter(o -> o.account().equals(account)
                && o.intent().symbol().equals(symbol) && o.intent().side() == side).toList();
    }

    public void submitted(ManagedOrder order, long now) {
        order.moveTo(OrderState.SUBMITTED, now);
    }

    public void cancelRequested(ManagedOrder order) {
        order.cancelRequested();
    }

    /** Ends an order the runtime could not send (refused before it left the process). */
    public void rejectLocally(ManagedOrder order, long now) {
        order.moveTo(OrderState.REJECTED, now);
        forgetIfFinished(order);
    }

    private void forgetIfFinished(ManagedOrder order) {
        if (order.state().isTerminal() && working.remove(order.clientOrderId()) != null) {
            workingByAccount.merge(order.account(), -1, Integer::sum);
            if (order.intent().reducing()) {
                String key = exitKey(order.account(), order.intent().symbol());
                if (workingExits.merge(key, -1, Integer::sum) <= 0) {
                    workingExits.remove(key);
                }
            }
            pending.finished(order);
        }
    }

    public Outcome apply(OrderEvent event, long now) {
        ManagedOrder order = orders.get(event.clientOrderId());
        if (order == null) {
            return new Outcome(null, null, "event for an order this run does not know: " + event);
        }
        Outcome outcome = applyTo(order, event, now);
        forgetIfFinished(order);
        return outcome;
    }

    private Outcome applyTo(ManagedOrder order, OrderEvent event, long now) {
        return switch (event) {
            case OrderEvent.Accepted a -> {
                order.brokerOrderId(a.brokerOrderId());
                yield move(order, order.filledQuantity() > 0 ? order.state() : OrderState.ACCEPTED, now, event);
            }
            case OrderEvent.Rejected r -> move(order, OrderState.REJECTED, now, event);
            case OrderEvent.Fill f -> {
                if (!tradeIds.add(order.account() + "/" + f.tradeId())) {
                    yield new Outcome(order, null, null);
                }
                order.addFill(f.quantity(), f.price());
                if (f.leavesQuantity() > 1e-12) {
                    pending.reduce(order, f.quantity());
                }
                OrderState next = f.leavesQuantity() <= 1e-12 ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
                String anomaly = order.moveTo(next, now) ? null
                        : "fill for order " + order.clientOrderId() + " in state " + order.state();
                yield new Outcome(order, f, anomaly);
            }
            case OrderEvent.Cancelled c -> move(order, OrderState.CANCELLED, now, event);
            case OrderEvent.Expired x -> move(order, OrderState.EXPIRED, now, event);
            case OrderEvent.Replaced r -> move(order, OrderState.REPLACED, now, event);
            case OrderEvent.CancelRejected c -> new Outcome(order, null, null);
        };
    }

    private static Outcome move(ManagedOrder order, OrderState next, long now, OrderEvent event) {
        boolean moved = order.moveTo(next, now);
        return new Outcome(order, null, moved ? null
                : "order " + order.clientOrderId() + " cannot go from " + order.state() + " to " + next + " (" + event + ")");
    }

    /** Orders not yet finished, oldest first. */
    public List<ManagedOrder> working() {
        return working.isEmpty() ? List.of() : List.copyOf(working.values());
    }

    public List<ManagedOrder> all() {
        return List.copyOf(orders.values());
    }

    /** Orders sent whose answer has not come within {@code ackTimeoutMillis}: the broker must be asked. */
    public List<ManagedOrder> unanswered(long now, long ackTimeoutMillis) {
        return working().stream().filter(o -> (o.state() == OrderState.SUBMITTED || o.state() == OrderState.NEW)
                && now - o.stateSince() >= ackTimeoutMillis).toList();
    }

    /** Working orders older than {@code maxAgeMillis} with no cancel asked yet: they should be cancelled. */
    public List<ManagedOrder> expired(long now, long maxAgeMillis) {
        return working().stream().filter(o -> !o.isCancelRequested()
                && (o.state() == OrderState.ACCEPTED || o.state() == OrderState.PARTIALLY_FILLED)
                && now - o.intent().time() >= maxAgeMillis).toList();
    }

    /** The state an order should be in given what the broker reports, for reconciliation. */
    public static OrderState stateOf(OrderReport report) {
        return switch (report.status()) {
            case OPEN -> OrderState.ACCEPTED;
            case PARTIALLY_FILLED -> OrderState.PARTIALLY_FILLED;
            case FILLED -> OrderState.FILLED;
            case CANCELLED -> OrderState.CANCELLED;
            case REJECTED -> OrderState.REJECTED;
            case EXPIRED -> OrderState.EXPIRED;
        };
    }

}
