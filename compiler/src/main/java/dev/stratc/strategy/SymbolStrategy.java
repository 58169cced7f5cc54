package dev.stratc.strategy;

/**
 * A strategy evaluating one symbol. Not thread-safe: an engine calls it from one thread at a time.
 *
 * <p>One call of {@link #onBar} is one evaluation at a bar close: {@code scan} emits its signals, then — when
 * the position is flat — {@code entry} reacts to them and to its own conditions, or — when a position is open —
 * {@code exit} is evaluated. Orders are emitted as {@link OrderRequest}s; the engine decides whether and how they
 * fill. No evaluation reads a bar after {@code bar}.
 */
public interface SymbolStrategy {

    /**
     * Evaluates the bar that just closed. Bars come in order, one call each, starting at index 0; a call with
     * the same index as the previous one revises that bar in place (a live tick changed it).
     */
    void onBar(BarView bar, PositionView position, ActionSink actions);

    /** The declarative exit stops in force after the latest {@link #onBar}; the engine checks them intrabar. */
    Stops stops();

    /**
     * The stops in force for {@code position}: the constant ones of {@link #stops()}, with the levels given as
     * expressions ({@code stop_loss(price: entry_price - 3 * tick_size)}, {@code trailing_stop(atr(14) * 2)})
     * evaluated on the latest bar for this position, so a stop that reads {@code entry_price} is in force from the
     * entry's fill on.
     */
    default Stops stops(PositionView position) {
        return stops();
    }

    /** Bars to evaluate before any decision is taken ({@code warmup: auto} resolves to the indicators' need). */
    int warmupBars();
}
