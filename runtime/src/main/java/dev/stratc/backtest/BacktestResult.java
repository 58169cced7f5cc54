package dev.stratc.backtest;

import java.util.List;
import java.util.Map;

import dev.stratc.backtest.report.PlotSeries;
import dev.stratc.data.Bars;

/**
 * Everything a run produced: its trades, its equity, the metrics computed from them, and the data it ran on.
 *
 * @param plots per symbol, the series its chart draws: the strategy's {@code plot(…)}s and the indicators its
 *              rules read, one value per bar of the symbol's bars in {@link #universe}; an empty map unless the
 *              run was asked to collect them ({@link BacktestConfig#withPlots})
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
