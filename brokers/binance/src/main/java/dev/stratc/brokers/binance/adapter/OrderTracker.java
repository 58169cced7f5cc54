package dev.stratc.brokers.binance.adapter;

import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.OrderState;
import dev.stratc.brokers.binance.rest.Trade;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;

/**
 * The orders of one Binance account as the runtime has been told of them, so that each fact (accepted, a fill,
 * the end) reaches the listener once, whether the REST answer, the user data stream or a reconciliation learnt
 * it first. Spot and USDⓈ-M report orders alike ({@link OrderState}, {@link Trade}); this is where the
 * "once each" rule is written for both adapters.
 *
 * <p>{@link #orders} is the lock: callers hold it around a sequence of calls that must not interleave.
 */
final class OrderTracker {
    final Map<String, TrackedOrder> orders = new HashMap<>();
    private final ListenerDispatch events;
    private final String cashAsset;
    private final Logger log;
    private final String accountId;
    private final String orderKind;

    /**
     * @param cashAsset a commission in this asset is reported as out of cash (an empty asset), or null when every
     *                  commission keeps the asset Binance names
     * @param orderKind how a reconciliation warning names an order ("order", "futures order")
     */
    OrderTracker(ListenerDispatch events, String cashAsset, Logger log, String accountId, String orderKind) {
        this.events = events;
        this.cashAsset = cashAsset;
        this.log = log;
        this.accountId = accountId;
        this.orderKind = orderKind;
    }

    TrackedOrder track(String id, String symbol, Side side, BigDecimal quantity) {
        return orders.computeIfAbsent(id, k -> new TrackedOrder(id, symbol, side, quantity));
    }

    TrackedOrder track(String id, String symbol, String side, BigDecimal quantity) {
        return track(id, symbol, Side.valueOf(side), quantity);
    }

    /**
     * A new order that Binance answered with an error, the same on both markets: an unknown outcome (a timeout, a
     * 5XX) fails the call with {@code OUTCOME_UNKNOWN}, so the runtime looks the order up by its id; a duplicate id
     * stays tracked (the order at Binance is that one); 429 and 401 fail the call (the account, not the order);
     * any other refusal is the order's {@code Rejected} event.
     *
     * @param failure the adapter's exception for this order, given the kind (null: from the HTTP status)
     */
    void refusedOnSubmit(String id, BinanceApiException e, boolean duplicate, RejectReason reason, long now,
                         java.util.function.Function<BrokerException.Kind, BrokerException> failure) {
        if (e.outcomeUnknown()) {
            throw failure.apply(BrokerException.Kind.OUTCOME_UNKNOWN);
        }
        synchronized (orders) {
            if (!duplicate) {
                orders.remove(id);
            }
            if (e.httpStatus() == 429 || e.httpStatus() == 401) {
                throw failure.apply(null);
            }
            events.emit(new OrderEvent.Rejected(id, reason, e.binanceMessage(), now));
        }
    }

    void forget(String id) {
        synchronized (orders) {
            orders.remove(id);
        }
    }

    /**
     * Reads each order still working here from REST ({@code query} by symbol and client order id, its
     * {@code trades} by symbol and order id) and passes on what the stream missed.
     */
    void reconcile(BiFunction<String, String, OrderState> query, BiFunction<String, Long, List<Trade>> trades) {
        List<TrackedOrder> working;
        synchronized (orders) {
            working = orders.values().stream().filter(t -> !t.finished).toList();
        }
        for (TrackedOrder t : working) {
            try {
                OrderState state = query.apply(t.symbol, t.clientOrderId);
                List<Trade> missed = state.executedQty().compareTo(t.filled) > 0
                        ? trades.apply(t.symbol, state.orderId()) : List.of();
                synchronized (orders) {
                    accept(t, state.orderId(), state.updateTime());
                    for (Trade trade : missed) {
                        fill(t, trade.id(), trade.qty(), trade.price(), trade.commission(), trade.commissionAsset(),
                                trade.time());
                    }
                    terminal(t, state);
                }
            } catch (RuntimeException e) {
                log.warn("account {}: could not reconcile {} {}: {}", accountId, orderKind, t.clientOrderId,
                        e.getMessage());
            }
        }
    }

    /**
     * Looks {@code clientOrderId} up over REST ({@code query} by symbol and client order id), which needs its
     * symbol: first where this process tracks it, then in each of {@code otherSymbols}, so that an order this
     * process never saw is found where it can be. Empty when none of them knows it.
     */
    Optional<OrderState> find(String clientOrderId, Collection<String> otherSymbols,
            BiFunction<String, String, OrderState> query) {
        Set<String> candidates = new LinkedHashSet<>();
        synchronized (orders) {
            TrackedOrder tracked = orders.get(clientOrderId);
            if (tracked != null) {
                candidates.add(tracked.symbol);
            }
        }
        candidates.addAll(otherSymbols);
        for (String symbol : candidates) {
            try {
                return Optional.of(query.apply(symbol, clientOrderId));
            } catch (BinanceApiException e) {
                if (e.code() != BinanceApiException.NO_SUCH_ORDER) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /** The end a REST answer reports, if it reports one. */
    void terminal(TrackedOrder t, OrderState state) {
        double filled = state.executedQty().doubleValue();
        switch (state.status()) {
            case "CANCELED" -> finish(t, new OrderEvent.Cancelled(t.clientOrderId, filled, state.updateTime()));
            case "EXPIRED", "EXPIRED_IN_MATCH" -> finish(t, new OrderEvent.Expired(t.clientOrderId, filled, state.updateTime()));
            case "REJECTED" -> finish(t, new OrderEvent.Rejected(t.clientOrderId, RejectReason.OTHER,
                    "Binance rejected the order", state.updateTime()));
            default -> {
                // NEW, PARTIALLY_FILLED: still working; FILLED: the last fill said so
            }
        }
    }

    void accept(TrackedOrder t, long orderId, long time) {
        t.orderId = orderId;
        if (!t.accepted) {
            t.accepted = true;
            events.emit(new OrderEvent.Accepted(t.clientOrderId, Long.toString(orderId), time));
        }
    }

    /**
     * One fill, passed on once (keyed by {@code symbol-tradeId}). The quantity is what traded; the commission is
     * named in the asset Binance charged it in, unless that is the cash asset (or there is none).
     */
    void fill(TrackedOrder t, long tradeId, BigDecimal qty, BigDecimal price, BigDecimal commission,
            String commissionAsset, long time) {
        if (!t.tradeIds.add(t.symbol + "-" + tradeId)) {
            return;
        }
        t.filled = t.filled.add(qty);
        if (t.leaves().signum() == 0) {
            t.finished = true;
        }
        String asset = commission.signum() == 0 || commissionAsset == null || commissionAsset.equals(cashAsset)
                ? "" : commissionAsset;
        events.emit(new OrderEvent.Fill(t.clientOrderId, t.symbol + "-" + tradeId, t.symbol, t.side, qty.doubleValue(),
                price.doubleValue(), commission.doubleValue(), t.filled.doubleValue(), t.leaves().doubleValue(), time,
                asset));
    }

    void finish(TrackedOrder t, OrderEvent ending) {
        if (!t.finished) {
            t.finished = true;
            events.emit(ending);
        }
    }
}
