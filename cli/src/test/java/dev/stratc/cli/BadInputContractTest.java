package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Bad input never ends as "a bug in stratc": each value below once crashed with exit 70 or ran to a
 * meaningless result. Each now gets one message naming the option or the place, and its documented exit code
 * (docs/exit-codes.md). The strategy compiles quickly and the data is tiny, so the whole class runs in seconds.
 */
class BadInputContractTest {
    private static final String STRATEGY = "../examples/momentum.strat";
    private static final String SMALL = "synth:krx?symbols=2&days=1&seed=1";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "backtest {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --timeframe      | 99999999999999999d | --timeframe 99999999999999999d is out of range; write 1s to 366d
            --timeframe      | 0m                 | --timeframe 0m is out of range; write 1s to 366d
            --capital        | -1                 | --capital -1 is out of range; write more than 0 and at most 1e15
            --capital        | 1e400              | --capital is too large a number; write more than 0 and at most 1e15
            --commission     | -1                 | --commission -1 is out of range; write 0 to 10 %
            --commission     | 200                | --commission 200 is out of range; write 0 to 10 %
            --slippage       | -1%                | --slippage -1% is out of range; write 0 to 10 %
            --slippage       | 5000ticks          | --slippage 5000ticks is out of range; write 0 to 1000 ticks
            --warmup         | -1                 | --warmup -1 is out of range; write 0 to 1000000 bars
            --position-size  | 0                  | --position-size 0 is out of range; write more than 0 % and at most 100 %
            --position-size  | 500%               | --position-size 500% is out of range; write more than 0 % and at most 100 %
            --max-positions  | 0                  | --max-positions 0 is out of range; write 1 to 10000
            --tax            | -0.2               | --tax -0.2 is out of range; write 0 to 10 %
            --min-commission | -5                 | --min-commission -5 is out of range; write 0 to 1e9
            --lot-step       | -1                 | --lot-step -1 is out of range; write 0 to 1000000
            --data           | synth:krx?days=99999999 | --data: days=99999999 is out of range; write 1 to 10000
            --data           | synth:krx?symbols=x     | --data: symbols=x is not a whole number
            """)
    void aBacktestOptionOutsideItsRangeIsAUsageErrorNamingTheOptionAndTheRange(String option, String value,
                                                                                String message) {
        CliRun run = option.equals("--data") ? CliRun.run("backtest", STRATEGY, option, value)
                : CliRun.run("backtest", STRATEGY, "--data", SMALL, option, value);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("error: " + message + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest(name = "run {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --capital      | -1     | --capital -1 is out of range; write more than 0 and at most 1e15
            --http         | 99999  | --http 99999 is out of range; write 0 to 65535
            --speed        | 0      | --speed 0 is out of range; write more than 0 and at most 1000000
            --status-every | 99999d | --status-every 99999d is out of range; write 1s to 1d
            """)
    void aRunOptionOutsideItsRangeIsRefusedBeforeTheRunStarts(String option, String value, String message) {
        Path state = dir.resolve("state");
        List<String> args = new ArrayList<>(List.of("run", STRATEGY, "--data", SMALL, "--state-dir", state.toString(),
                option, value));
        if (!option.equals("--speed")) {
            args.addAll(List.of("--speed", "max"));
        }
        CliRun run = CliRun.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("error: " + message).doesNotContain(STRATEGY);
        assertThat(run.out()).doesNotContain("ORDER");
        assertThat(state).doesNotExist();
    }

    @ParameterizedTest(name = "optimize {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --threads      | 0           | --threads 0 is out of range; write 1 to 1024
            --top          | 0           | --top 0 is out of range; write 1 to 1000000
            --walk-forward | 0d:1d       | --walk-forward 0d is out of range; write 1m to 3650d
            """)
    void anOptimizeOptionOutsideItsRangeIsAUsageError(String option, String value, String message) {
        CliRun run = CliRun.run("optimize", STRATEGY, "--data", SMALL, option, value);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("error: " + message);
    }

    @Test
    void dataSynthRefusesCountsOutsideTheirRange() {
        CliRun run = CliRun.run("data", "synth", "--days", "99999999", "--out", dir.resolve("s.duckdb").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--days 99999999 is out of range; write 1 to 10000");
    }

    @Test
    void aPeriodWithNoBarSaysSoAndWhereTheDataIs() {
        CliRun run = CliRun.run("backtest", STRATEGY, "--data", SMALL, "--from", "2099-01-01");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--from 2099-01-01: no bar of the data falls in this period; the data runs "
                + "from 2026-01-05T00:01:00Z to 2026-01-05T06:30:00Z").doesNotContain("1970");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPeriodInsideTheDataStillRuns() {
        CliRun run = CliRun.run("backtest", STRATEGY, "--data", SMALL, "--from", "2026-01-05T03:00:00Z", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aCsvThatIsNotUtf8IsNamedByFileAndLine() throws Exception {
        Path csv = dir.resolve("cp949.csv");
        byte[] header = "time,open,high,low,close,volume\n2026-01-05,10,11,9,10,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "2026-01-06,10,11,9,10,1 \uC0BC\uC131\n".getBytes("MS949");
        Files.write(csv, concat(header, bad));

        CliRun run = CliRun.run("backtest", "../examples/rsi2.strat", "--data", csv.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains(csv + ":3: not UTF-8 text").doesNotContain("Input length");
    }

    @Test
    void aMalformedQuoteIsNamedByFileAndLineInOurWords() throws Exception {
        Path csv = dir.resolve("quote.csv");
        Files.writeString(csv, "time,open,high,low,close,volume\n2026-01-05,10,11,9,10,1\n2026-01-06,\"10\"x,11,9,10,1\n");

        CliRun run = CliRun.run("backtest", "../examples/rsi2.strat", "--data", csv.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains(csv + ":3: text after a field's closing quote")
                .doesNotContain("CSVException").doesNotContain("org.apache");
    }

    @Test
    void aNumberThatIsNotOneIsNamedInOurWords() throws Exception {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "time,open,high,low,close,volume\n2026-01-05,10,11,9,10,1\n2026-01-06,x,11,9,10,1\n");

        CliRun run = CliRun.run("backtest", "../examples/rsi2.strat", "--data", csv.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains(csv + ":3: open 'x' is not a number").doesNotContain("For input string");
    }

    @Test
    void aReportThatCannotBeWrittenIsARunTimeFailureSayingWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");

        CliRun run = CliRun.run("backtest", STRATEGY, "--data", SMALL, "--out", file.resolve("report").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("error: cannot write the report into " + file.resolve("report") + " (")
                .containsIgnoringCase("not a directory").doesNotContain("bug in stratc");
    }

    @Test
    void everyHelpTextFormatsWithoutAPicocliWarning() {
        // picocli warns about an unescaped % on System.err, not on the command line's err
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> failures = new ArrayList<>();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            // one command line for every help text: building one is what takes the time
            CommandLine stratc = StratcCommandLine.create(new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()));
            for (List<String> command : commands(stratc, new ArrayList<>())) {
                List<String> args = new ArrayList<>(command);
                args.add("--help");
                CliRun run = CliRun.run(stratc, args.toArray(String[]::new));
                if (run.exitCode() != 0) {
                    failures.add(command + " --help: exit " + run.exitCode());
                }
            }
        } finally {
            System.setErr(original);
        }
        assertThat(failures).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("[picocli WARN]");
    }

    @Test
    void outOfMemorySaysHowMuchTheJobNeedsAndHowToGiveItWithoutATrace() {
        CommandLine commandLine = StratcCommandLine.create(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        commandLine.addSubcommand(new Hungry());

        CliRun run = CliRun.run(commandLine, "hungry");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("error: out of memory: 4,000,000 bars needs about 1.0 GB and the JVM may use ")
                .contains("STRATC_JAVA_OPTS=-Xmx2g").contains("fewer --symbols")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    @Test
    void outOfMemoryInAWorkerIsExplainedTheSameWay() {
        CommandLine commandLine = StratcCommandLine.create(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        commandLine.addSubcommand(new HungryWorker());

        CliRun run = CliRun.run(commandLine, "hungry-worker");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("error: out of memory: ").contains("STRATC_JAVA_OPTS=-Xmx")
                .doesNotContain("internal error");
    }

    @Test
    void syntheticDataThatCannotFitIsRefusedBeforeItIsGenerated() {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        // 390 bars a day of 48 bytes: enough days of 10,000 symbols to need twice the heap
        long days = Math.min(10_000, 2 * heapMb * 1024 * 1024 / (10_000L * 390 * 48) + 1);
        CliRun run = CliRun.run("backtest", STRATEGY, "--data", "synth:krx?symbols=10000&days=" + days);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("error: out of memory: synth:krx?symbols=10000&days=" + days)
                .contains("STRATC_JAVA_OPTS=-Xmx");
    }

    private static List<List<String>> commands(CommandLine commandLine, List<String> path) {
        List<List<String>> all = new ArrayList<>();
        for (var entry : commandLine.getSubcommands().entrySet()) {
            List<String> command = new ArrayList<>(path);
            command.add(entry.getKey());
            all.add(command);
            all.addAll(commands(entry.getValue(), command));
        }
        return all;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A job that says what it is about to load, then runs out as a too-small heap makes it. */
    @Command(name = "hungry")
    private static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            Memory.expect("4,000,000 bars", 1024L * 1024 * 1024 - 32L * 1024 * 1024);
            throw new OutOfMemoryError("Java heap space");
        }
    }

    /** The optimizer's way: the error comes back from a worker thread, wrapped. */
    @Command(name = "hungry-worker")
    private static final class HungryWorker implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                pool.submit((Callable<Integer>) () -> {
                    throw new OutOfMemoryError("Java heap space");
                }).get();
            } finally {
                pool.shutdown();
            }
            return 0;
        }
    }
}
