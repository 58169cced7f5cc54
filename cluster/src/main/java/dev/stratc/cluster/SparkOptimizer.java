package dev.stratc.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.Backtester;
import dev.stratc.backtest.Metrics;
import dev.stratc.backtest.optimize.Objective;
import dev.stratc.backtest.optimize.Optimizer;
import dev.stratc.backtest.optimize.ParameterGrid;
import dev.stratc.cli.commands.OptimizeBackend;
import dev.stratc.strategy.ParameterValue;

/**
 * The grid search of {@link Optimizer#grid} with the trials as Spark tasks: one trial per partition, so that the
 * scheduler spreads them as executors free up. The trials' configurations are made on the driver exactly as the
 * built-in optimiser makes them, each is run by {@link Backtester} on the executor's cached universe, and the
 * results are ranked by the same rule (score, then run number), so both give the same table to the last digit.
 */
public final class SparkOptimizer {
    private final JavaSparkContext spark;

    public SparkOptimizer(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** Runs every combination of {@code grid} over {@code base}; a trial that throws is a failure, not the end. */
    public OptimizeBackend.Outcome grid(TrialJob job, BacktestConfig base, ParameterGrid grid, Objective objective,
                                        LongConsumer progress) {
        int n = grid.size();
        List<Trial> trials = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            trials.add(new Trial(k + 1, Optimizer.runConfig(base, grid.combination(k))));
        }
        List<Trial.Result> results = run(job, trials, progress);
        List<Optimizer.Run> runs = new ArrayList<>();
        List<OptimizeBackend.Failure> failures = new ArrayList<>();
        for (Trial.Result r : results) {
            Map<String, ParameterValue> params = grid.combination(r.number() - 1);
            if (r.error() != null) {
                failures.add(new OptimizeBackend.Failure(r.number(), params, r.error()));
            } else {
                runs.add(new Optimizer.Run(r.number(), params, r.metrics(), objective.score(r.metrics())));
            }
        }
        runs.sort(Optimizer.BEST_FIRST);
        failures.sort(Comparator.comparingInt(OptimizeBackend.Failure::number));
        return new OptimizeBackend.Outcome(runs, failures);
    }

    /**
     * Walk-forward as {@link Optimizer#walkForward} does it, with every window × trial of the in-sample searches
     * as one Spark job (so a window does not wait for the one before it), then each window's best parameters on
     * its out-of-sample period as a second job. A failed in-sample trial is a failure of its window's search; a
     * window whose every trial failed is an error.
     */
    public OptimizeBackend.WalkForwardOutcome walkForward(TrialJob job, BacktestConfig base, ParameterGrid grid, Objective objective,
                                   List<Optimizer.Span> spans, LongConsumer progress) {
        int n = grid.size();
        List<Trial> trials = new ArrayList<>(spans.size() * n);
        for (Optimizer.Span span : spans) {
            for (int k = 0; k < n; k++) {
                trials.add(new Trial(trials.size() + 1, Optimizer.inSampleConfig(base, span, grid.combination(k))));
            }
        }
        List<Trial.Result> results = run(job, trials, progress);
        List<Optimizer.Run> best = new ArrayList<>();
        List<OptimizeBackend.Failure> failures = new ArrayList<>();
        List<Trial> outOfSample = new ArrayList<>();
        for (int w = 0; w < spans.size(); w++) {
            List<Optimizer.Run> ranked = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Trial.Result r = results.get(w * n + k);
                Map<String, ParameterValue> params = grid.combination(k);
                if (r.error() != null) {
                    failures.add(new OptimizeBackend.Failure(k + 1, params, "window " + spans.get(w).number()
                            + ": " + r.error()));
                } else {
                    ranked.add(new Optimizer.Run(k + 1, params, r.metrics(), objective.score(r.metrics())));
                }
            }
            if (ranked.isEmpty()) {
                throw new IllegalArgumentException("walk-forward window " + spans.get(w).number() + ": every one of "
                        + "the " + n + " in-sample runs failed; the first: " + failures.get(failures.size() - n).error());
            }
            ranked.sort(Optimizer.BEST_FIRST);
            best.add(ranked.get(0));
            outOfSample.add(new Trial(w + 1, Optimizer.outOfSampleConfig(base, spans.get(w), ranked.get(0))));
        }
        List<Trial.Result> judged = run(job, outOfSample, null);
        List<Optimizer.Window> windows = new ArrayList<>();
        for (int w = 0; w < spans.size(); w++) {
            Optimizer.Span span = spans.get(w);
            Trial.Result r = judged.get(w);
            if (r.error() != null) {
                throw new IllegalArgumentException("walk-forward window " + span.number() + ": the out-of-sample run "
                        + "failed: " + r.error());
            }
            windows.add(new Optimizer.Window(span.number(), span.inStart(), span.inEnd(), span.outEnd(), best.get(w),
                    r.metrics()));
        }
        return new OptimizeBackend.WalkForwardOutcome(windows, failures);
    }

    /** The trials on the cluster, in run order; {@code progress} counts finished tasks as the driver hears of them. */
    List<Trial.Result> run(TrialJob job, List<Trial> trials, LongConsumer progress) {
        Broadcast<TrialJob> shared = spark.broadcast(job);
        AtomicInteger done = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() == Success$.MODULE$ && progress != null) {
                    progress.accept(done.incrementAndGet());
                }
            }
        };
        spark.sc().addSparkListener(listener);
        try {
            List<Trial.Result> results = new ArrayList<>(spark.parallelize(trials, Math.max(1, trials.size()))
                    .map(t -> runTrial(shared.value(), t)).collect());
            results.sort(Comparator.comparingInt(Trial.Result::number));
            return results;
        } finally {
            spark.sc().removeSparkListener(listener);
            shared.destroy();
        }
    }

    /** One trial on an executor, by the same {@link Backtester} as the command line. */
    static Trial.Result runTrial(TrialJob job, Trial trial) {
        long t0 = System.nanoTime();
        try {
            var program = ExecutorCache.program(job.fileName(), job.source());
            var universe = ExecutorCache.universe(job.universe());
            Metrics m = Backtester.run(program, universe, trial.config(), null).metrics();
            return new Trial.Result(trial.number(), m, null, System.nanoTime() - t0);
        } catch (RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Trial.Result(trial.number(), null, message, System.nanoTime() - t0);
        }
    }
}
