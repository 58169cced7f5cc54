package dev.stratc.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.LongConsumer;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.optimize.Objective;
import dev.stratc.backtest.optimize.Optimizer;
import dev.stratc.backtest.optimize.ParameterGrid;
import dev.stratc.data.Bars;
import dev.stratc.data.ReadOptions;
import dev.stratc.strategy.ParameterValue;

/**
 * Somewhere else to run {@code stratc optimize}'s trials than the built-in thread pool: Apache Spark, found
 * by {@link ServiceLoader} when the cluster module's job jar is on the classpath ({@code --spark MASTER}). The
 * command line itself carries no Spark; without the job jar {@link SparkLaunch} starts a JVM that has it.
 */
public interface OptimizeBackend {

    /**
     * What the trials need, all of it serialisable so that it can travel to executors: the strategy's source
     * (executors compile it themselves), where the bars are, the configuration and the grid. {@code bars} is the
     * universe the driver already read from that description: never sent anywhere, it lets an executor living in
     * the driver's JVM ({@code local[*]}) use it instead of reading a second copy.
     */
    record Request(Path file, String source, String data, ReadOptions read, List<String> symbols,
                   BacktestConfig config, ParameterGrid grid, Objective objective, String master, List<Bars> bars) {
    }

    /** A trial that failed, with its parameters: reported, while the other trials' results stand. */
    record Failure(int number, Map<String, ParameterValue> parameters, String error) {
    }

    /** Every trial that ran, best first, as {@link Optimizer#grid} ranks them, and the ones that failed. */
    record Outcome(List<Optimizer.Run> runs, List<Failure> failures) {
    }

    /** Walk-forward's windows, in order, and the in-sample trials that failed (their window named in the error). */
    record WalkForwardOutcome(List<Optimizer.Window> windows, List<Failure> failures) {
    }

    /**
     * Starts connecting to {@code master} in the background, so that the start-up (seconds for Spark) overlaps the
     * compiling and loading the command line does before the search; a failure here shows again, in the
     * foreground, when the search asks for the connection.
     */
    default void prepare(String master) {
    }

    /** Whether this backend reads {@code data} itself on the driver (Parquet on any path Spark reads). */
    boolean reads(String data);

    /** The universe of a source {@link #reads} accepts, read as the executors will read it. */
    List<Bars> load(String data, ReadOptions read, List<String> symbols);

    /** Runs the grid; {@code progress} gets the trials done so far. */
    Outcome grid(Request request, LongConsumer progress);

    /**
     * Walk-forward over {@code windows} (as {@link Optimizer#windows} makes them): each window's grid searched
     * in sample, its best run judged out of sample; {@code progress} gets the trials done so far.
     */
    WalkForwardOutcome walkForward(Request request, List<Optimizer.Span> windows, LongConsumer progress);

    /** The backend of this classpath, or {@code null} when the cluster module is not on it. */
    static OptimizeBackend find() {
        return ServiceLoader.load(OptimizeBackend.class).findFirst().orElse(null);
    }
}
