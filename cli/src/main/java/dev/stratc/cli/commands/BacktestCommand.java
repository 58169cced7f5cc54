package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.stratc.backtest.BacktestOutputs;
import dev.stratc.backtest.BacktestResult;
import dev.stratc.backtest.Backtester;
import dev.stratc.backtest.report.ReportWriter;
import dev.stratc.backtest.report.Summary;
import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.cli.Failures;
import dev.stratc.strategy.StrategyProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Runs a strategy over historical bars of a universe and reports the results, net of costs.",
            "",
            "Orders decided at a bar's close fill at the next bar's open (--fill next-open) or at that close;",
            "stops fill where the bar touched them (at the open on a gap); limit orders when the bar trades",
            "through them. Example: stratc backtest examples/momentum.strat --out report/"})
public final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .strat file.")
    Path file;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write summary.json, trades.csv, equity.csv and report.html into DIR.")
    Path out;

    @Option(names = "--json", description = "Print the summary as JSON instead of a table.")
    boolean json;

    private static final Logger LOG = LoggerFactory.getLogger(BacktestCommand.class);

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        run.checkRanges();
        data.readOptions();   // --timeframe, --market and --repair are checked before anything is compiled
        StrategyProgram program = StrategyFiles.compile(file);
        var universe = data.load(spec.commandLine().getErr(), DataOptions.barsThatFitInMemory());
        long total = universe.totalBars();
        long loaded = System.nanoTime();
        BacktestResult result;
        BacktestLog log;
        try {
            log = new BacktestLog(out);
        } catch (java.io.IOException e) {
            // said as the report's own failure is: the log goes into the same directory
            java.io.UncheckedIOException failure = new java.io.UncheckedIOException(
                    "cannot write the report into " + out + ": " + e.getMessage(), e);
            throw CliException.failure(Failures.describe(failure), failure);
        }
        // the charts' series only when a report will draw them: nothing is collected otherwise
        BacktestOutputs outputs = new BacktestOutputs(out != null, log);
        try (universe; log; Progress progress = new Progress("backtest", total, "bars")) {
            // a store's recorded funding rates (fetched with --market usdm) replace the constant where they exist
            var config = run.config(program.info(), universe.bars().get(0).market())
                    .withFundingRates(universe.fundingRates());
            RunOptions.checkOverrides(program, config, universe.bars().get(0));
            run.checkFunding(universe.bars());
            if (!universe.streamed()) {
                run.checkPeriod(config, universe.bars());
            }
            result = universe.streamed() ? Backtester.run(program, universe.windows(), config, progress, outputs)
                    : Backtester.run(program, universe.bars(), config, progress, outputs);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(file + ": " + e.getMessage(), e);
        } catch (dev.stratc.data.DataException e) {
            throw CliException.invalidInput(e.getMessage(), e);
        }
        if (universe.streamed()) {
            LOG.info("streamed {} bars from the store in time windows (more than {} fit in memory)", total,
                    DataOptions.barsThatFitInMemory());
        }
        long simulated = System.nanoTime() - loaded;
        LOG.info("compiled and loaded {} bars of {} symbols in {} ms; simulated in {} ms ({} bars/s)", total,
                universe.bars().size(), (loaded - start) / 1_000_000, simulated / 1_000_000,
                total * 1_000_000_000L / Math.max(1, simulated));
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Summary.json(result, universe.description())));
        } else {
            // the market line says what the figures are in and what they are net of, right under the data
            String market = data.marketGuess().loaded(universe.bars().get(0).market()).describe();
            stdout.print(Summary.table(result, universe.description()).replaceFirst("(?m)^(data: .*\n)",
                    "$1" + java.util.regex.Matcher.quoteReplacement(market + "\n")));
            log.print(stdout);
        }
        if (out != null) {
            try {
                ReportWriter.write(result, out, universe.description());
            } catch (java.io.UncheckedIOException e) {
                throw CliException.failure(Failures.describe(e), e);
            }
            if (!json) {
                stdout.println();
                stdout.println("wrote " + out.resolve("report.html") + " (and summary.json, trades.csv, equity.csv"
                        + ", " + BacktestLog.FILE + ")");
            }
        }
        stdout.flush();
        return ExitCode.OK;
    }
}
