package dev.stratc.cluster;

import java.io.Serializable;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.Metrics;

/** One unit of work: a whole portfolio backtest with the configuration of run {@code number}. */
record Trial(int number, BacktestConfig config) implements Serializable {

    /** What comes back to the driver: the metrics (never the trades), or why the trial failed. */
    record Result(int number, Metrics metrics, String error, long nanos) implements Serializable {
    }
}
