package dev.stratc.backtest.report;

/** One line drawn on a symbol's chart in report.html: an indicator the rules use, or a plot() of the strategy.
 *  values[i] belongs to bar i of the symbol's bars; NaN where the series is not defined. overlay = on the price
 *  pane (false: a pane of its own). */
public record PlotSeries(String name, boolean overlay, double[] values) {}
