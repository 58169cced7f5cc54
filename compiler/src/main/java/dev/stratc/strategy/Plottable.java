package dev.stratc.strategy;

/**
 * The series a strategy's chart draws: its {@code plot(…)}s, then the indicators its rules read. Only a run that
 * writes a report asks for the values, after each {@link SymbolStrategy#onBar}; nothing is computed otherwise.
 * Arrays rather than lists, since the generated classes are compiled without generics.
 */
public interface Plottable {

    /** The series' names: a plot's own, an indicator's call as written ({@code sma(close, 20)}). */
    String[] plotNames();

    /** Per series, whether it is drawn on the price pane (a price) or in a pane of its own (rsi). */
    boolean[] plotOverlays();

    /**
     * Writes each series' value at the bar {@code onBar} just evaluated into {@code out} (as long as
     * {@link #plotNames()}); {@code NaN} where it has none yet.
     */
    void plotValues(BarView bar, PositionView position, double[] out);
}
