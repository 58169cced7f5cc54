package dev.stratc.backtest;

import java.util.List;

import dev.stratc.data.Bars;

/** Everything a run produced: its trades, its equity, the metrics computed from them, and the data it ran on. */
public record BacktestResult(String strategyName, BacktestConfig config, List<Bars> universe, List<Trade> trades,
                             EquityCurve equity, Metrics metrics, RunStats stats) {
    public BacktestResult {
        universe = List.copyOf(universe);
        trades = List.copyOf(trades);
    }
}
