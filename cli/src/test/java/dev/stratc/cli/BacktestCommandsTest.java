package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** stratc backtest, optimize and data, run in process as a user runs them. */
class BacktestCommandsTest {
    static final String BTC = "../examples/data/btcusd-bitstamp-5m.csv";

    @TempDir
    Path dir;

    @Test
    void ratiosOverTooFewTradesSayNotApplicableInsteadOfALargeNumber() throws Exception {
        Path strategy = dir.resolve("never.strat");
        java.nio.file.Files.writeString(strategy, """
                strategy("Never", timeframe: 1m) {
                  entry {
                    when (close < 0) {
                      buy(quantity: 1)
                    }
                  }
                }
                """);
        CliRun run = CliRun.run("backtest", strategy.toString(), "--data", "synth:krx?symbols=2&days=1&seed=1",
                "--out", dir.resolve("report").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Sharpe\\s+n/a \\(too few trades\\)")
                .containsPattern("Calmar\\s+n/a \\(too few trades\\)");
    }

    @Test
    void theReadmesFirstCommandRunsOfflineOnLabelledSyntheticDataAndWritesTheReport() {
        Path out = dir.resolve("report");
        CliRun run = CliRun.run("backtest", "../examples/momentum.strat", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("MomentumSurgeScanner", "data: SYNTHETIC synth:krx", "Net return", "Sharpe",
                "Fees and taxes paid", "Buy and hold");
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("summary.json")).exists();
        assertThat(out.resolve("trades.csv")).exists();
        assertThat(out.resolve("equity.csv")).exists();
    }

    @Test
    void jsonSummaryOfAnExamplePortOnRealData() throws Exception {
        CliRun run = CliRun.run("backtest", "../examples/rsi2.strat", "--data", BTC, "--max-positions", "1",
                "--commission", "0", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("strategy").asText()).isEqualTo("RSI2");
        assertThat(json.get("metrics").get("trades").asInt()).isEqualTo(5);
        assertThat(json.get("config").get("fill").asText()).isEqualTo("next-open");
        assertThat(json.get("config").get("commission_percent").asDouble()).isZero();
    }

    /** The command docs/language.md gives for its worked example: var, if/else and fn, on Apple's 2013 days. */
    @Test
    void theThreeDownClosesExampleBacktestsOnTheDailyData() throws Exception {
        CliRun run = CliRun.run("backtest", "../examples/three-down-closes.strat", "--data",
                "../examples/data/aapl-1d.csv", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("strategy").asText()).isEqualTo("ThreeDownCloses");
        assertThat(json.get("metrics").get("trades").asInt()).isEqualTo(17);
    }

    @Test
    void badDataIsNamedByFileAndLineWithExit65() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time,open,high,low,close,volume\n2026-01-05,10,11,9,10,1\n2026-01-06,10,9,11,10,1\n");
        CliRun run = CliRun.run("backtest", "../examples/rsi2.strat", "--data", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("bad.csv:3: high 9.0 is below low 11.0").doesNotContain("Exception");
    }

    @Test
    void repairDropLeavesBadBarsOutAndSaysWhichOnes() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time,open,high,low,close,volume\n2026-01-05,10,11,9,10,1\n2026-01-06,10,9,11,10,1\n"
                + "2026-01-07,10,12,9,11,1\n");
        CliRun run = CliRun.run("backtest", "../examples/rsi2.strat", "--data", bad.toString(), "--repair", "drop");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: ").contains("bad.csv:3");
    }

    @Test
    void anUnknownParameterIsAUsageErrorListingTheKnownOnes() {
        CliRun run = CliRun.run("backtest", "../examples/momentum.strat", "-P", "surge=4%");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no parameter 'surge'", "surge_threshold");
    }

    @Test
    void aParameterOfTheWrongKindIsAUsageErrorNamingIt() {
        CliRun run = CliRun.run("backtest", "../examples/momentum.strat", "-P", "surge_threshold=5m");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("surge_threshold");
    }

    @Test
    void optimizeWalksForwardAndWritesTheWindows() throws Exception {
        CliRun run = CliRun.run("optimize", "../examples/global-extrema.strat", "--data", BTC, "--max-positions", "1",
                "-P", "bars_per_week=500..1500 step 500", "--objective", "net-return", "--walk-forward", "3d:1d",
                "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 combinations of [bars_per_week]", "out-of-sample, windows chained");
        assertThat(Files.readAllLines(dir.resolve("walk_forward.csv"))).hasSize(1 + 4);
    }

    @Test
    void optimizeGridWritesEveryRun() throws Exception {
        CliRun run = CliRun.run("optimize", "../examples/global-extrema.strat", "--data", BTC, "-P",
                "bars_per_week=500,1000,2016", "--out", dir.toString(), "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("runs.csv"))).hasSize(4);
        assertThat(Files.readAllLines(dir.resolve("runs.csv"))).extracting(l -> l.split(",")[0])
                .as("in run order once finished").containsExactly("run", "1", "2", "3");
    }

    @Test
    void optimizeGridKeepsTheBestTopRunsInTopCsv() throws Exception {
        CliRun run = CliRun.run("optimize", "../examples/global-extrema.strat", "--data", BTC, "-P",
                "bars_per_week=500,1000,2016", "--objective", "net-return", "--top", "2", "--out", dir.toString(),
                "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> top = Files.readAllLines(dir.resolve("top.csv"));
        assertThat(top).hasSize(1 + 2);
        assertThat(top.getFirst()).isEqualTo(Files.readAllLines(dir.resolve("runs.csv")).getFirst());
        // best first: the first row's run is the one the printed table ranks first
        String firstRun = top.get(1).split(",")[0];
        List<String> lines = run.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.matches("\\s*run\\s+bars_per_week\\s.*")).findFirst()
                .orElseThrow());
        assertThat(lines.get(header + 1).strip()).startsWith(firstRun + " ");
    }

    @Test
    void dataSynthImportListAndExport() throws Exception {
        Path store = dir.resolve("bars.duckdb");
        assertThat(CliRun.run("data", "synth", "--symbols", "3", "--days", "1", "--out", store.toString())
                .exitCode()).isZero();
        assertThat(CliRun.run("data", "import", BTC, "--store", store.toString(), "--symbols", "BTCUSD")
                .exitCode()).isZero();
        CliRun list = CliRun.run("data", "list", "--store", store.toString());
        assertThat(list.out()).contains("SYN0003", "BTCUSD", "5m", "1916", "4 series");
        CliRun export = CliRun.run("data", "export", dir.resolve("btc.csv").toString(), "--store", store.toString(),
                "--symbols", "BTCUSD");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("btc.csv"))).hasSize(1917);
        CliRun fromStore = CliRun.run("backtest", "../examples/rsi2.strat", "--data", store.toString(),
                "--symbols", "BTCUSD", "--json");
        assertThat(fromStore.exitCode()).as(fromStore.err()).isZero();
        assertThat(fromStore.out()).contains("\"trades\" : 5");
    }

    @Test
    void aStoreLargerThanTheMemoryLimitIsStreamedWithTheSameResults() throws Exception {
        Path store = dir.resolve("krx.duckdb");
        assertThat(CliRun.run("data", "synth", "--symbols", "20", "--days", "3", "--seed", "2", "--out",
                store.toString()).exitCode()).isZero();
        CliRun whole = CliRun.run("backtest", "../examples/momentum.strat", "--data", store.toString(), "--json");
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(whole.out()).containsPattern("\"trades\" : [1-9]");
        String limit = System.getProperty("stratc.store.maxBarsInMemory");
        System.setProperty("stratc.store.maxBarsInMemory", "3000");    // 23,400 bars: windows of 375
        try {
            CliRun streamed = CliRun.run("backtest", "../examples/momentum.strat", "--data", store.toString(),
                    "--json");
            assertThat(streamed.exitCode()).as(streamed.err()).isZero();
            assertThat(streamed.out()).isEqualTo(whole.out());
        } finally {
            if (limit == null) {
                System.clearProperty("stratc.store.maxBarsInMemory");
            } else {
                System.setProperty("stratc.store.maxBarsInMemory", limit);
            }
        }
    }
}
