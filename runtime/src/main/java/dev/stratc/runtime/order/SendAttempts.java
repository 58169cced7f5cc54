package dev.stratc.runtime.order;

import java.util.HashMap;
import java.util.Map;

import dev.stratc.runtime.broker.Side;

/**
 * Refused sends per account, symbol and side, so a refused order is neither hammered nor silently repeated:
 * how many sends in a row were refused, and whether the run stopped sending such orders (a refusal that cannot
 * change blocks that very quantity; giving up after the retry limit blocks any). A fill in the symbol on the
 * account, or a new trading day, starts afresh. Used on the engine thread only.
 */
public final class SendAttempts {
    public record Key(String account, String symbol, Side side) {
        public static Key of(OrderIntent intent, String account) {
            return new Key(account, intent.symbol(), intent.side());
        }
    }

    private static final class State {
        int refused;
        long firstRefusal;
        boolean blocked;
        boolean anyQuantity;
        double quantity;
    }

    private final Map<Key, State> states = new HashMap<>();

    /** Counts a refused send; returns how many sends in a row are refused now. */
    public int refused(Key key, long now) {
        State state = states.computeIfAbsent(key, k -> new State());
        if (state.refused++ == 0) {
            state.firstRefusal = now;
        }
        return state.refused;
    }

    /** When the first of the refusals in a row came (market time). */
    public long firstRefusal(Key key) {
        State state = states.get(key);
        return state == null ? Long.MIN_VALUE : state.firstRefusal;
    }

    /** No more orders of this quantity ({@code NaN}: of any quantity) are sent for the key. */
    public void block(Key key, double quantity) {
        State state = states.computeIfAbsent(key, k -> new State());
        state.blocked = true;
        state.anyQuantity = Double.isNaN(quantity);
        state.quantity = quantity;
    }

    /** Whether an order of {@code quantity} for the key is held back. */
    public boolean blocked(Key key, double quantity) {
        State state = states.get(key);
        return state != null && state.blocked && (state.anyQuantity || Math.abs(state.quantity - quantity) < 1e-9);
    }

    /** The account's position in the symbol changed: its orders may be tried again. */
    public void reset(String account, String symbol) {
        states.remove(new Key(account, symbol, Side.BUY));
        states.remove(new Key(account, symbol, Side.SELL));
    }

    public void clear() {
        states.clear();
    }
}
