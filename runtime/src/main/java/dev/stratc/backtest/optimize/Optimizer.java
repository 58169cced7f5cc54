package dev.stratc.backtest.optimize;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.Backtester;
import dev.stratc.backtest.Metrics;
import dev.stratc.data.Bars;
import dev.stratc.strategy.ParameterValue;
import dev.stratc.strategy.StrategyProgram;

/**
 * Grid search and walk-forward analysis. Runs are independent backtests on a shared, read-only universe, spread
 * over a thread pool; results are collected by run number, and ties on the objective go to the lower run number,
 * so the outcome does not depend on thread scheduling.
 */
public final class Optimizer {
    private final StrategyProgram program;
    private final List<Bars> universe;
    private final BacktestConfig base;
    private final ParameterGrid grid;
    private final Objective objective;
    private final int threads;

    public Optimizer(StrategyProgram program, List<Bars> universe, BacktestConfig base, ParameterGrid grid,
                     Objective objective, int threads) {
        this.program = program;
        this.universe = universe;
        this.base = base;
        this.grid = grid;
        this.objective = objective;
        this.threads = Math.max(1, threads);
    }

    /** One backtest of the grid. */
    public record Run(int number, Map<String, ParameterValue> parameters, Metrics metrics, double score) {
    }

    /** One walk-forward window: the best in-sample run and what its parameters did out of sample. */
    public record Window(int number, long inStart, long inEnd, long outEnd, Run bestInSample, Metrics outOfSample) {
    }

    /** The grid searched over the base configuration's period, best first. */
    public List<Run> grid(IntConsumer progress) {
        return search(base, progress, null);
    }

    /**
     * The grid searched over the base configuration's period, best first; {@code finished} is told of each run as
     * it finishes (from the worker threads, in the order they finish), so its result can be written at once.
     */
    public List<Run> grid(IntConsumer progress, Consumer<Run> finished) {
        return search(base, progress, finished);
    }

    private List<Run> search(BacktestConfig config, IntConsumer progress) {
        return search(config, progress, null);
    }

    private List<Run> search(BacktestConfig config, IntConsumer progress, Consumer<Run> finished) {
        int n = grid.size();
        Run[] runs = new Run[n];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int index = k;
                futures.add(pool.submit(() -> {
                    Map<String, ParameterValue> params = merged(config.overrides(), grid.combination(index));
                    Metrics m = Backtester.run(program, universe, config.withOverrides(params), null).metrics();
                    Run run = new Run(index + 1, grid.combination(index), m, objective.score(m));
                    runs[index] = run;
                    if (finished != null) {
                        finished.accept(run);
                    }
                    if (progress != null) {
                        progress.accept(done.incrementAndGet());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("optimisation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Run> ranked = new ArrayList<>(List.of(runs));
        ranked.sort(BEST_FIRST);
        return ranked;
    }

    private static Map<String, ParameterValue> merged(Map<String, ParameterValue> fixed,
                                                      Map<String, ParameterValue> trial) {
        Map<String, ParameterValue> m = new LinkedHashMap<>(fixed);
        m.putAll(trial);
        return m;
    }

    /**
     * Walk-forward: windows of {@code inSample} followed by {@code outOfSample}, stepped by {@code outOfSample};
     * rolling windows keep the in-sample length, anchored ones grow from the start. Each window's best in-sample
     * parameters are run on the following out-of-sample period only (earlier bars warm indicators up but cannot
     * trade), so the out-of-sample figures are never seen by the search.
     */
    public List<Window> walkForward(Duration inSample, Duration outOfSample, boolean anchored, IntConsumer progress) {
        List<Window> windows = new ArrayList<>();
        for (Span span : windows(universe, inSample, outOfSample, anchored)) {
            List<Run> ranked = search(base.withPeriod(span.inStart(), span.inEnd()), null);
            Run best = ranked.get(0);
            Metrics out = Backtester.run(program, universe, outOfSampleConfig(base, span, best), null).metrics();
            windows.add(new Window(span.number(), span.inStart(), span.inEnd(), span.outEnd(), best, out));
            if (progress != null) {
                progress.accept(span.number());
            }
        }
        return windows;
    }

    /** Where one walk-forward window searches ({@code inStart}..{@code inEnd}) and is judged (..{@code outEnd}). */
    public record Span(int number, long inStart, long inEnd, long outEnd) implements java.io.Serializable {
    }

    /**
     * The walk-forward windows over {@code universe}: the one definition the built-in optimiser and the Spark
     * job both use, so that both search the same periods.
     */
    public static List<Span> windows(List<Bars> universe, Duration inSample, Duration outOfSample,
                                     boolean anchored) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Bars b : universe) {
            if (b.size() > 0) {
                start = Math.min(start, b.time(0));
                end = Math.max(end, b.time(b.size() - 1) + 1);
            }
        }
        long is = inSample.toMillis();
        long oos = outOfSample.toMillis();
        if (start + is + oos > end) {
            throw new IllegalArgumentException("the data span " + Duration.ofMillis(end - start).toDays()
                    + " days, too short for one window of " + inSample.toDays() + " + " + outOfSample.toDays()
                    + " days");
        }
        List<Span> spans = new ArrayList<>();
        int number = 1;
        for (long inEnd = start + is; inEnd < end; inEnd += oos) {
            spans.add(new Span(number++, anchored ? start : inEnd - is, inEnd, Math.min(end, inEnd + oos)));
        }
        return spans;
    }

    /** The configuration of one in-sample trial: run {@code index} of the grid over the window's in-sample part. */
    public static BacktestConfig inSampleConfig(BacktestConfig base, Span span, Map<String, ParameterValue> trial) {
        BacktestConfig config = base.withPeriod(span.inStart(), span.inEnd());
        return config.withOverrides(merged(config.overrides(), trial));
    }

    /** The configuration that judges a window's best in-sample parameters on its out-of-sample part only. */
    public static BacktestConfig outOfSampleConfig(BacktestConfig base, Span span, Run best) {
        return base.withPeriod(span.inEnd(), span.outEnd()).withOverrides(merged(base.overrides(), best.parameters()));
    }

    /** The configuration of a grid run: {@code base} with the run's parameters over the fixed ones. */
    public static BacktestConfig runConfig(BacktestConfig base, Map<String, ParameterValue> trial) {
        return base.withOverrides(merged(base.overrides(), trial));
    }

    /** The out-of-sample returns chained window after window. */
    public static double chainedOutOfSampleReturn(List<Window> windows) {
        double growth = 1;
        for (Window w : windows) {
            growth *= 1 + w.outOfSample().netReturn();
        }
        return growth - 1;
    }

    /** Every run as a CSV row: run, parameters, score and the main metrics. */
    public static void writeRuns(List<Run> runs, List<String> names, Path file) throws IOException {
        List<Run> byNumber = new ArrayList<>(runs);
        byNumber.sort(Comparator.comparingInt(Run::number));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(csvHeader(names));
            for (Run r : byNumber) {
                w.write(csvRow(r, names));
            }
        }
    }

    /** The header line of {@link #writeRuns}'s file. */
    public static String csvHeader(List<String> names) {
        return "run," + String.join(",", names) + ",score,net_return,cagr,max_drawdown,sharpe,sortino,calmar,"
                + "win_rate,profit_factor,trades,fees_paid\n";
    }

    /** One run's line of {@link #writeRuns}'s file. */
    public static String csvRow(Run r, List<String> names) {
        StringBuilder sb = new StringBuilder().append(r.number());
        for (String n : names) {
            sb.append(',').append(text(r.parameters().get(n)));
        }
        Metrics m = r.metrics();
        for (double v : new double[] {r.score(), m.netReturn(), m.cagr(), m.maxDrawdown(), m.sharpe(),
                m.sortino(), m.calmar(), m.winRate(), m.profitFactor(), m.trades(), m.feesPaid()}) {
            sb.append(',').append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "");
        }
        return sb.append('\n').toString();
    }

    /** Best first, ties to the lower run number: the order of {@link #grid}'s result. */
    public static final Comparator<Run> BEST_FIRST =
            Comparator.comparingDouble(Run::score).reversed().thenComparingInt(Run::number);

    public static String text(ParameterValue v) {
        if (v.text() != null) {
            return v.text();
        }
        String n = v.number() == Math.rint(v.number()) ? Long.toString((long) v.number())
                : Double.toString(v.number());
        return switch (v.kind()) {
            case PERCENT -> n + "%";
            default -> n;
        };
    }
}
