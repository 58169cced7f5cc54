package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log(…)} in {@code stratc backtest}: the first lines after the summary and a count of the others, so that a
 * strategy logging every bar does not flood the terminal; every line in log.txt next to the report.
 */
class BacktestLogTest {
    private static final String AAPL = "../examples/data/aapl-1d.csv";

    @TempDir
    Path dir;

    private Path everyBar() throws Exception {
        Path strategy = dir.resolve("talk.strat");
        Files.writeString(strategy, """
                strategy("Talk", timeframe: 1d) {
                  scan {
                    log("close ", close)
                  }
                }
                """);
        return strategy;
    }

    @Test
    void theConsoleShowsTheFirstLinesAndLogTxtHasThemAll() throws Exception {
        Path out = dir.resolve("report");
        CliRun run = CliRun.run("backtest", everyBar().toString(), "--data", AAPL, "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Apple's 252 days, one line each: 20 shown, 232 counted
        assertThat(run.out()).contains("log (252 lines):", "close 549.03", "… 232 more in " + out.resolve("log.txt"));
        List<String> lines = Files.readAllLines(out.resolve("log.txt"));
        assertThat(lines).hasSize(252);
        assertThat(lines.getFirst()).endsWith(": close 549.03");
        assertThat(lines.getLast()).endsWith(": close 561.02");
    }

    @Test
    void withoutAReportTheConsoleSaysWhereAllTheLinesWouldGo() throws Exception {
        CliRun run = CliRun.run("backtest", everyBar().toString(), "--data", AAPL);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("log (252 lines):", "… 232 more; --out DIR writes every line to DIR/log.txt");
        assertThat(run.out().lines().filter(line -> line.contains(": close ")).count()).isEqualTo(20);
    }
}
