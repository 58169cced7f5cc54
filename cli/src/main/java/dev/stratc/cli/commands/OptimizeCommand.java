package dev.stratc.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.stratc.backtest.optimize.Objective;
import dev.stratc.backtest.optimize.Optimizer;
import dev.stratc.backtest.optimize.ParameterGrid;
import dev.stratc.backtest.optimize.ResultFiles;
import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.strategy.ParameterValue;
import dev.stratc.strategy.StrategyProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Searches the parameters' 'in' ranges (or -P name=a..b step c) with parallel backtests.",
            "",
            "Grid search over every combination, or walk-forward (--walk-forward 60d:20d): each window's best",
            "in-sample parameters are judged on the following out-of-sample period only, reported separately.",
            "Results are deterministic whatever the number of threads."})
public final class OptimizeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(OptimizeCommand.class);
    private static final Duration WINDOW_MIN = Duration.ofMinutes(1);
    private static final Duration WINDOW_MAX = Duration.ofDays(3650);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .strat file.")
    Path file;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--objective", defaultValue = "sharpe", paramLabel = "NAME",
            description = "What to maximise: net-return, cagr, sharpe (default), sortino, calmar, profit-factor, "
                    + "expectancy, win-rate.")
    String objective;

    @Option(names = "--walk-forward", paramLabel = "IN:OUT",
            description = "Walk-forward windows, e.g. 60d:20d (in-sample : out-of-sample), each 1m to 3650d.")
    String walkForward;

    @Option(names = "--anchored", description = "Walk-forward in-sample windows all start at the data's start.")
    boolean anchored;

    @Option(names = "--threads", paramLabel = "N", description = "Parallel backtests, 1 to 1024 (default: all cores).")
    Integer threads;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Rows of the top table, 1 to 1000000 (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--out", paramLabel = "DIR", description = "Write runs.csv (every run, each as it finishes) and top.csv (the best --top so far) "
                    + "into DIR; walk_forward.csv with --walk-forward.")
    Path out;

    @Option(names = "--reports", defaultValue = "1", paramLabel = "N",
            description = "With --out, re-run the best N runs (default ${DEFAULT-VALUE}; 0 for none) and write each "
                    + "one's summary.json, trades.csv, equity.csv and report.html into DIR/best-RANK-run-NUMBER/.")
    int reports;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the trials on Apache Spark: local[*] (in-process), spark://HOST:7077, yarn "
                    + "(needs the cluster module; docs/optimisation.md).")
    String spark;

    @Option(names = "--print-spark-submit", description = "Print the spark-submit command for this optimisation "
            + "(with --spark MASTER) and exit.")
    boolean printSparkSubmit;

    @Override
    public Integer call() throws IOException {
        OptimizeBackend backend = null;
        if (spark != null || printSparkSubmit) {
            List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
            if (printSparkSubmit) {
                args.remove("--print-spark-submit");
                spec.commandLine().getOut().println(SparkLaunch.submitCommand(spark == null ? "spark://HOST:7077"
                        : spark, args.subList(args.indexOf("optimize") + 1, args.size())));
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            }
            backend = OptimizeBackend.find();
            if (backend == null) {
                if (Boolean.getBoolean("stratc.spark.child")) {
                    throw CliException.usage("--spark: the job jar has no Spark backend; rebuild it with '"
                            + SparkLaunch.BUILD + "'");
                }
                return SparkLaunch.relaunch(args);
            }
        }
        // the options are checked before minutes are spent compiling, loading and searching
        run.checkRanges();
        data.readOptions();   // --timeframe, --market and --repair are checked before anything is compiled
        if (backend != null) {
            backend.prepare(spark);
        }
        int n = threads != null ? Bounds.THREADS.check(threads) : Runtime.getRuntime().availableProcessors();
        Bounds.TOP.check(top);
        if (reports < 0 || reports > 1000) {
            throw CliException.usage("--reports " + reports + ": give 0 to 1000 (the best runs re-run for reports)");
        }
        Duration[] windows = walkForward == null ? null : windows();
        StrategyProgram program = StrategyFiles.compile(file);
        var universe = backend != null && backend.reads(data.source())
                ? new dev.stratc.data.UniverseLoader.Loaded(backend.load(data.source(), data.readOptions(),
                        data.symbols), List.of(), data.source(), false)
                : data.load(spec.commandLine().getErr());
        PrintWriter stdout = spec.commandLine().getOut();
        var info = program.info();
        Map<String, String> raw = run.params;
        run.params = RunOptions.fixed(raw);
        Map<String, List<ParameterValue>> ranges = new LinkedHashMap<>();
        RunOptions.ranges(raw).forEach((name, text) -> {
            var declared = RunOptions.declared(info, name);
            try {
                ranges.put(name, ParameterGrid.parseRange(text, declared.defaultValue()));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("-P " + name + ": " + e.getMessage());
            }
        });
        ParameterGrid grid;
        Objective obj;
        try {
            grid = ParameterGrid.of(info.parameters(), ranges);
            obj = Objective.parse(objective);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        var config = run.config(info, universe.bars().get(0).market())
                .withFundingRates(universe.fundingRates());   // a store's recorded rates, as in a backtest
        RunOptions.checkOverrides(program, config, universe.bars().get(0));
        run.checkPeriod(config, universe.bars());
        var optimizer = new Optimizer(program, universe.bars(), config, grid, obj, n);
        stdout.println(info.name() + ": " + grid.size() + " combinations of " + grid.names() + ", objective "
                + obj.id() + ", " + n + " thread" + (n == 1 ? "" : "s") + "; data: " + universe.description());
        stdout.println(data.marketGuess().loaded(universe.bars().get(0).market()).describe()
                + String.format(Locale.ROOT, "; capital %,.0f", config.capital()));
        if (walkForward == null) {
            List<Optimizer.Run> runs;
            // with --out, each trial's row reaches runs.csv (and top.csv, the best --top so far) as it finishes
            ResultFiles files = out == null ? null : new ResultFiles(out, grid.names(), top);
            long searching = System.nanoTime();
            try (Progress p = new Progress("optimize", grid.size(), "runs")) {
                if (backend == null) {
                    runs = optimizer.grid(p::accept, files);
                } else {
                    runs = sparkGrid(backend, grid, obj, config, universe.bars(), p);
                    if (files != null) {
                        runs.forEach(files);   // the driver has them all at once
                    }
                }
                long nanos = System.nanoTime() - searching;
                LOG.info("searched {} runs on {} threads in {} ms: {} runs/s", grid.size(), n, nanos / 1_000_000,
                        String.format(Locale.ROOT, "%.3f", grid.size() * 1e9 / Math.max(1, nanos)));
            } finally {
                if (files != null) {
                    files.close();
                }
            }
            printTop(stdout, runs, grid.names());
            if (files != null) {
                stdout.println("wrote " + files.runsFile() + " and " + files.topFile());
                writeReports(stdout, program, universe, config, runs);
            }
        } else {
            List<Optimizer.Window> windowResults;
            try {
                if (backend == null) {
                    try (Progress p = new Progress("walk-forward", 0, "windows")) {
                        windowResults = optimizer.walkForward(windows[0], windows[1], anchored, p::accept);
                    }
                } else {
                    windowResults = sparkWalkForward(backend, grid, obj, config, universe.bars(),
                            Optimizer.windows(universe.bars(), windows[0], windows[1], anchored));
                }
            } catch (IllegalArgumentException e) {
                throw CliException.invalidInput(e.getMessage());
            }
            printWindows(stdout, windowResults, grid.names(), obj);
            if (out != null) {
                Files.createDirectories(out);
                writeWindows(windowResults, grid.names(), out.resolve("walk_forward.csv"));
                stdout.println("wrote " + out.resolve("walk_forward.csv"));
            }
        }
        stdout.flush();
        return ExitCode.OK;
    }

    /** The grid on the backend; a failed trial is a warning naming its parameters, not the end of the search. */
    private List<Optimizer.Run> sparkGrid(OptimizeBackend backend, ParameterGrid grid, Objective obj,
                                          dev.stratc.backtest.BacktestConfig config,
                                          List<dev.stratc.data.Bars> bars, Progress progress) {
        var outcome = backend.grid(new OptimizeBackend.Request(file, StrategyFiles.read(file), data.source(),
                data.readOptions(), data.symbols, config, grid, obj, spark, bars), progress);
        warn(outcome.failures());
        if (outcome.runs().isEmpty()) {
            throw CliException.invalidInput("every one of the " + grid.size() + " runs failed; the first: "
                    + outcome.failures().get(0).error());
        }
        return outcome.runs();
    }

    private void warn(List<OptimizeBackend.Failure> failures) {
        PrintWriter err = spec.commandLine().getErr();
        for (OptimizeBackend.Failure f : failures) {
            StringBuilder p = new StringBuilder();
            f.parameters().forEach((k, v) -> p.append(' ').append(k).append('=').append(Optimizer.text(v)));
            err.println("warning: run " + f.number() + " (" + p.toString().strip() + ") failed: " + f.error());
        }
        err.flush();
    }

    /** Walk-forward on the backend: every window × trial at once; failed trials are warnings, as in the grid. */
    private List<Optimizer.Window> sparkWalkForward(OptimizeBackend backend, ParameterGrid grid, Objective obj,
                                                    dev.stratc.backtest.BacktestConfig config,
                                                    List<dev.stratc.data.Bars> bars, List<Optimizer.Span> spans) {
        OptimizeBackend.WalkForwardOutcome outcome;
        try (Progress p = new Progress("walk-forward", (long) spans.size() * grid.size(), "runs")) {
            outcome = backend.walkForward(new OptimizeBackend.Request(file, StrategyFiles.read(file), data.source(),
                    data.readOptions(), data.symbols, config, grid, obj, spark, bars), spans, p);
        }
        warn(outcome.failures());
        return outcome.windows();
    }

    /**
     * The best {@code --reports} runs again, with their trades, written as {@code backtest --out} writes a run:
     * the search kept only figures (a trial's trades would not fit in memory a thousand times over, nor travel
     * from Spark's executors). Re-run here by the same Backtester over the same bars, so the figures are the
     * search's own; a difference would be a determinism bug, and is said.
     */
    private void writeReports(PrintWriter stdout, StrategyProgram program, dev.stratc.data.UniverseLoader.Loaded universe,
                              dev.stratc.backtest.BacktestConfig config, List<Optimizer.Run> runs) {
        for (int rank = 1; rank <= Math.min(reports, runs.size()); rank++) {
            Optimizer.Run r = runs.get(rank - 1);
            var result = dev.stratc.backtest.Backtester.run(program, universe.bars(),
                    Optimizer.runConfig(config, r.parameters()), null);
            if (!result.metrics().equals(r.metrics())) {
                spec.commandLine().getErr().println("warning: run " + r.number() + " gave other figures when re-run "
                        + "for its report (net return " + result.metrics().netReturn() + " against "
                        + r.metrics().netReturn() + "): please report this");
            }
            Path dir = out.resolve("best-" + rank + "-run-" + r.number());
            try {
                dev.stratc.backtest.report.ReportWriter.write(result, dir, universe.description());
            } catch (java.io.UncheckedIOException e) {
                throw CliException.failure("cannot write " + dir + ": " + e.getCause().getMessage(), e);
            }
            stdout.println("wrote " + dir.resolve("report.html") + " (run " + r.number() + ", rank " + rank
                    + ": summary.json, trades.csv, equity.csv)");
        }
    }

    /** The in-sample and out-of-sample lengths of {@code --walk-forward IN:OUT}. */
    private Duration[] windows() {
        String[] parts = walkForward.split(":");
        if (parts.length != 2) {
            throw CliException.usage("--walk-forward '" + walkForward + "': write IN:OUT, e.g. 60d:20d");
        }
        return new Duration[] {Durations.parse("--walk-forward", parts[0], WINDOW_MIN, WINDOW_MAX),
            Durations.parse("--walk-forward", parts[1], WINDOW_MIN, WINDOW_MAX)};
    }

    private void printTop(PrintWriter w, List<Optimizer.Run> runs, List<String> names) {
        w.println();
        List<String> headers = new ArrayList<>(List.of("run"));
        headers.addAll(names);
        headers.addAll(List.of("score", "net ret %", "max dd %", "sharpe", "trades"));
        TextTable table = new TextTable(headers);
        for (Optimizer.Run r : runs.subList(0, Math.min(top, runs.size()))) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(r.number())));
            for (String n : names) {
                cells.add(Optimizer.text(r.parameters().get(n)));
            }
            var m = r.metrics();
            cells.addAll(List.of(scoreFigure(r.score(), m.trades()), percent(m.netReturn()),
                    percent(m.maxDrawdown()), ratio(m.sharpe(), m.trades()), String.valueOf(m.trades())));
            table.add(cells);
        }
        table.print(w);
    }

    private void printWindows(PrintWriter w, List<Optimizer.Window> windows, List<String> names,
                              Objective obj) {
        w.println();
        List<String> headers = new ArrayList<>(List.of("#", "in from", "out from", "out to"));
        headers.addAll(names);
        headers.addAll(List.of("IS " + obj.id(), "OOS ret %", "OOS trades"));
        boolean[] left = new boolean[headers.size()];
        left[1] = left[2] = left[3] = true;
        TextTable table = new TextTable(headers, left);
        for (Optimizer.Window win : windows) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(win.number()), day(win.inStart()),
                    day(win.inEnd()), day(win.outEnd())));
            for (String n : names) {
                cells.add(Optimizer.text(win.bestInSample().parameters().get(n)));
            }
            cells.addAll(List.of(scoreFigure(win.bestInSample().score(), win.bestInSample().metrics().trades()),
                    percent(win.outOfSample().netReturn()), String.valueOf(win.outOfSample().trades())));
            table.add(cells);
        }
        table.print(w);
        w.printf(Locale.ROOT, "%nout-of-sample, windows chained: net return %.2f %%%n",
                Optimizer.chainedOutOfSampleReturn(windows) * 100);
    }

    /** Sharpe, Sortino and Calmar over fewer than this many trades say n/a, as the backtest summary does. */
    static final int MIN_TRADES_FOR_RATIOS = 5;

    /** The objective's score; a ratio objective over too few trades says so instead of a large number. */
    private String scoreFigure(double score, int trades) {
        Objective obj = Objective.parse(objective);
        boolean isRatio = obj == Objective.SHARPE || obj == Objective.SORTINO || obj == Objective.CALMAR;
        return isRatio ? ratio(score, trades) : figure(score);
    }

    private static String ratio(double value, int trades) {
        return trades < MIN_TRADES_FOR_RATIOS ? "n/a (" + trades + (trades == 1 ? " trade)" : " trades)")
                : figure(value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", fraction * 100);
    }

    /** An objective's figure; "—" where it is undefined (no trades, no losing day). */
    private static String figure(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—";
    }

    private static String day(long ms) {
        return Instant.ofEpochMilli(ms).toString().substring(0, 10);
    }

    private static void writeWindows(List<Optimizer.Window> windows, List<String> names, Path file)
            throws IOException {
        StringBuilder sb = new StringBuilder("window,in_start,in_end,out_end," + String.join(",", names)
                + ",in_sample_score,in_sample_net_return,out_of_sample_net_return,out_of_sample_max_drawdown,"
                + "out_of_sample_sharpe,out_of_sample_trades\n");
        for (Optimizer.Window w : windows) {
            sb.append(w.number()).append(',').append(Instant.ofEpochMilli(w.inStart())).append(',')
                    .append(Instant.ofEpochMilli(w.inEnd())).append(',').append(Instant.ofEpochMilli(w.outEnd()));
            for (String n : names) {
                sb.append(',').append(Optimizer.text(w.bestInSample().parameters().get(n)));
            }
            var o = w.outOfSample();
            sb.append(String.format(Locale.ROOT, ",%.6g,%.6g,%.6g,%.6g,%.6g,%d%n", w.bestInSample().score(),
                    w.bestInSample().metrics().netReturn(), o.netReturn(), o.maxDrawdown(), o.sharpe(), o.trades()));
        }
        Files.writeString(file, sb.toString());
    }
}
