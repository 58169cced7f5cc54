package dev.stratc.runtime.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The orders an adapter follows for the runtime at a broker that keeps no client order ids (KIS, Kiwoom): the
 * runtime's client id and the broker's order number of each, and the broker's notices (fills, refusals) that
 * arrived before the order's answer told its number, held until it does. Notices of orders placed elsewhere (the
 * HTS, another program on the account) never find their order, so only the latest {@code earlyKept} numbers are
 * held.
 *
 * <p>Not thread-safe: the adapter calls it with its own lock held, the same lock its events are emitted under.
 *
 * @param <T> the adapter's order (this class's {@link Order}, with what the broker needs besides)
 * @param <N> the broker's notice
 */
public final class TrackedOrders<T extends TrackedOrders.Order, N> {

    /** One order as the adapter follows it. */
    public static class Order {
        public final String clientOrderId;
        public final String symbol;
        public final Side side;
        public final OrderType type;
        public final long quantity;
        public final double limitPrice;
        /** The broker's order number, once its answer told it. */
        public String orderNo;
        /** Shares filled so far, counted from the notices (and, after a restart, from the broker's order list). */
        public long filled;

        public Order(String clientOrderId, String symbol, Side side, OrderType type, long quantity, double limitPrice) {
            this.clientOrderId = clientOrderId;
            this.symbol = symbol;
            this.side = side;
            this.type = type;
            this.quantity = quantity;
            this.limitPrice = limitPrice;
        }

        public long remaining() {
            return Math.max(0, quantity - filled);
        }
    }

    private final Map<String, T> byClientId = new HashMap<>();
    private final Map<String, T> byOrderNo = new HashMap<>();
    private final Map<String, List<N>> early;
    private final BiConsumer<T, N> apply;

    /** @param apply what a notice does to its order (emits fills, refusals) */
    public TrackedOrders(int earlyKept, BiConsumer<T, N> apply) {
        this.apply = apply;
        this.early = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<N>> eldest) {
                return size() > earlyKept;
            }
        };
    }

    /** Whether the client id was used: an order with it is refused as a duplicate. */
    public boolean isKnown(String clientOrderId) {
        return byClientId.containsKey(clientOrderId);
    }

    public T get(String clientOrderId) {
        return byClientId.get(clientOrderId);
    }

    /** Takes the order's client id, before the order is sent. */
    public void add(T order) {
        byClientId.put(order.clientOrderId, order);
    }

    /** Gives the client id back: the broker refused the order, it was never placed. */
    public void forget(String clientOrderId) {
        byClientId.remove(clientOrderId);
    }

    /** An order of an earlier process, its number known: both ids map to it. */
    public void restore(T order) {
        byClientId.put(order.clientOrderId, order);
        byOrderNo.put(order.orderNo, order);
    }

    /** The client id of a broker order, or {@code prefix + orderNo} for an order placed elsewhere. */
    public String clientIdOf(String orderNo, String prefix) {
        T order = byOrderNo.get(orderNo);
        return order != null ? order.clientOrderId : prefix + orderNo;
    }

    /** The broker's answer told the order's number: from now on its notices apply, those held first. */
    public void follow(T order, String orderNo) {
        order.orderNo = orderNo;
        byOrderNo.put(orderNo, order);
        List<N> held = early.remove(orderNo);
        if (held != null) {
            held.forEach(notice -> apply.accept(order, notice));
        }
    }

    /** A notice of {@code orderNo}: applied to its order, or held until the order's answer arrives. */
    public void notice(String orderNo, N notice) {
        T order = byOrderNo.get(orderNo);
        if (order == null) {
            early.computeIfAbsent(orderNo, n -> new ArrayList<>()).add(notice);
        } else {
            apply.accept(order, notice);
        }
    }
}
