package dev.stratc.backtest;

import java.util.List;
import java.util.Map;

import dev.stratc.backtest.report.PlotSeries;
import dev.stratc.data.Bars;

/**
 * Everything a run produced: its trades, its equity, the metrics computed from them, and the data it ran on;
 * {@code plots} are the lines report.html draws on each symbol's chart (symbol → series, empty when none).
 */
public record BacktestResult(String strategyName, BacktestConfig config, List<Bars> universe, List<Trade> trades,
                             EquityCurve equity, Metrics metrics, RunStats stats,
                             Map<String, List<PlotSeries>> plots) {
    public BacktestResult {
        universe = List.copyOf(universe);
        trades = List.copyOf(trades);
        plots = plots == null ? Map.of() : Map.copyOf(plots);
    }

    /** A run without series to draw. */
    public BacktestResult(String strategyName, BacktestConfig config, List<Bars> universe, List<Trade> trades,
                          EquityCurve equity, Metrics metrics, RunStats stats) {
        this(strategyName, config, universe, trades, equity, metrics, stats, Map.of());
    }
}
