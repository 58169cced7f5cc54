package dev.stratc.indicators.core;

/**
 * The bar clock every stateful indicator shares. An indicator keeps the state of its committed bars and computes
 * the current bar tentatively from it; the tentative state becomes committed only when the next bar index
 * arrives. That is what makes a revised last bar (a live tick) exact: a repeated {@code update} for the same bar
 * recomputes from the same committed state, as if the earlier calls had never happened.
 */
public abstract class StreamingIndicator {
    private int currentBar = -1;
    private int committedBars;

    /** Call first in {@code update}: commits the previous bar when {@code bar} starts a new one. */
    protected final void enter(int bar) {
        if (bar != currentBar) {
            if (currentBar >= 0) {
                commit();
                committedBars++;
            }
            currentBar = bar;
        }
    }

    /** The 0-based position of the current bar in this indicator's input (ta4j's bar index). */
    protected final int index() {
        return committedBars;
    }

    /** Makes the tentative state of the current bar the committed state. */
    protected abstract void commit();

    protected static double ratio(double numerator, double denominator) {
        return denominator == 0.0 ? Double.NaN : numerator / denominator;
    }

    protected static void requireLength(String function, String param, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    function + ": " + param + " must be at least " + minimum + ", got " + value);
        }
    }
}
