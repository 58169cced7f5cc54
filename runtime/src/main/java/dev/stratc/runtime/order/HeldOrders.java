package dev.stratc.runtime.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.strategy.OrderRequest;

/**
 * The orders a run holds itself rather than at the venue: stop and stop-limit orders (brokers differ in which they
 * take, and a simulated exchange must fill them as the backtester does) and limit orders given an {@code expire:}.
 * Each bar or trade is applied to them by {@link dev.stratc.backtest.OrderRule}, the backtester's rule; one that
 * fills is sent then, at the price the rule gave. Rebuilt after a restart by the warm-up replay, which applies the
 * same bars to the same decisions.
 */
public final class HeldOrders {
    /** An order held for its symbol: the strategy's request, where it was decided, and whether it triggered. */
    public static final class Held {
        private final OrderRequest request;
        private final int decidedBar;
        private final long decidedAt;
        private boolean triggered;

        Held(OrderRequest request, int decidedBar, long decidedAt) {
            this.request = request;
            this.decidedBar = decidedBar;
            this.decidedAt = decidedAt;
        }

        public OrderRequest request() {
            return request;
        }

        public int decidedBar() {
            return decidedBar;
        }

        public long decidedAt() {
            return decidedAt;
        }

        public boolean triggered() {
            return triggered;
        }

        public void trigger() {
            triggered = true;
        }
    }

    private final Map<String, List<Held>> bySymbol = new HashMap<>();

    /** Whether the run holds {@code request} rather than sending it at once. */
    public static boolean holds(OrderRequest request) {
        return request.type() == OrderRequest.OrderType.STOP || request.type() == OrderRequest.OrderType.STOP_LIMIT
                || (request.type() == OrderRequest.OrderType.LIMIT && request.expiry() != null);
    }

    public void hold(OrderRequest request, int decidedBar, long decidedAt) {
        bySymbol.computeIfAbsent(request.symbol(), k -> new ArrayList<>(2)).add(new Held(request, decidedBar,
                decidedAt));
    }

    /** The symbol's held orders, oldest first; the caller may remove from it while it applies a bar. */
    public List<Held> of(String symbol) {
        List<Held> held = bySymbol.get(symbol);
        return held == null ? List.of() : held;
    }

    public boolean any(String symbol) {
        List<Held> held = bySymbol.get(symbol);
        return held != null && !held.isEmpty();
    }

    /** cancel() or cancel(tag: …): removes the symbol's held orders (with that tag); returns how many. */
    public int cancel(String symbol, String tag) {
        List<Held> held = bySymbol.get(symbol);
        if (held == null) {
            return 0;
        }
        int before = held.size();
        held.removeIf(h -> tag == null || tag.equals(h.request().tag()));
        return before - held.size();
    }
}
