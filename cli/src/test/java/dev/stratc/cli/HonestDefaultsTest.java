package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A first backtest on a file without {@code --market}: the market is guessed from the file name, its costs are
 * charged, the capital is one a user of that market would have, and the summary says all of it.
 */
class HonestDefaultsTest {
    @Test
    void bitcoinDataIsTradedWithCryptoCostsInDollarsAndSaysSo() throws Exception {
        CliRun run = CliRun.run("backtest", "../examples/rsi2.strat", "--data", BacktestCommandsTest.BTC);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("market: binance (guessed from the file name btcusd-bitstamp-5m.csv; "
                        + "--market to choose), prices in USD, times in UTC; costs: commission 0.1 % per fill")
                .contains("capital 10,000,").doesNotContain("capital 10,000,000")
                .containsPattern("2013-11-25 00:05 … 2013-12-01 16:05 UTC")
                .doesNotContainPattern("Fees and taxes paid\\s+0\\.00\\n");

        JsonNode json = new ObjectMapper().readTree(CliRun.run("backtest", "../examples/rsi2.strat", "--data",
                BacktestCommandsTest.BTC, "--json").out());
        assertThat(json.get("config").get("commission_percent").asDouble()).isEqualTo(0.1);
        assertThat(json.get("metrics").get("fees_paid").asDouble()).isPositive();
    }

    @Test
    void krxDataShowsWonTaxesAndSeoulTime() {
        CliRun run = CliRun.run("backtest", "../examples/momentum.strat", "--data", "synth:krx?symbols=3&days=1&seed=1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("market: krx (the synthetic KRX universe), prices in KRW, times in Asia/Seoul; "
                + "costs: commission 0.015 % per fill, sell tax 0.2 %").containsPattern("09:0\\d … .* KST \\(Asia/Seoul\\)");
    }

    @Test
    void dataThatNamesNoMarketSaysItHasNoCostsRatherThanHidingIt() {
        CliRun run = CliRun.run("backtest", "../examples/three-down-closes.strat", "--data",
                "../examples/data/aapl-1d.csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("market: generic (nothing in aapl-1d.csv names a market; --market krx or "
                + "binance for their costs)").contains("costs: none by default");
    }

    @Test
    void anExplicitMarketIsSaidAsGiven() {
        CliRun run = CliRun.run("backtest", "../examples/three-down-closes.strat", "--data",
                "../examples/data/aapl-1d.csv", "--market", "krx");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("market: krx (given with --market), prices in KRW");
    }

    @Test
    void aKrxRunPrintsSeoulTimeAndNamesTheZone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRun run = CliRun.run("run", "../examples/momentum.strat", "--mode", "dry-run", "--data",
                "synth:krx?symbols=20&days=2&seed=1", "--state-dir", dir.toString(), "--status-every", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("times in Asia/Seoul")
                .as("events are stamped in the session's hours, 09:00-15:30 KST").containsPattern("(?m)^01-0\\d (09|1[0-5]):")
                .doesNotContainPattern("(?m)^01-0\\d 0[0-6]:\\d\\d:\\d\\d (SIGNAL|PLAN)");
    }
}
