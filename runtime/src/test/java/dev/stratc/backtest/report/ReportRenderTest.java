package dev.stratc.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.BacktestResult;
import dev.stratc.backtest.Backtester;
import dev.stratc.backtest.SmaCrossProgram;
import dev.stratc.data.Bars;
import dev.stratc.data.CsvBarReader;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;

/**
 * Opens report.html in headless Chromium (Debian's package, installed by bin/ensure-chromium.sh when missing)
 * and checks that every chart drew: the page counts the charts it created, and each chart leaves canvases.
 */
class ReportRenderTest {
    @TempDir
    Path dir;

    @Test
    void reportFilesAreWrittenAndTheChartsRenderInHeadlessChromium() throws Exception {
        Bars btc = CsvBarReader.read(Path.of("..", "examples", "data", "btcusd-bitstamp-5m.csv"),
                ReadOptions.defaults(Market.GENERIC).withSymbol("BTCUSD")).bars();
        Bars eth = CsvBarReader.read(Path.of("..", "examples", "data", "ethusd-binanceus-5m.csv"),
                ReadOptions.defaults(Market.GENERIC).withSymbol("ETHUSD")).bars();
        BacktestResult r = Backtester.run(new SmaCrossProgram(5, 20, 2, 4), List.of(btc, eth),
                BacktestConfig.defaults().withCapital(100_000).withMaxPositions(2, Double.NaN), null);
        assertThat(r.trades()).isNotEmpty();
        ReportWriter.write(r, dir, "examples/data");

        List<String> trades = Files.readAllLines(dir.resolve("trades.csv"));
        assertThat(trades.get(0)).isEqualTo("symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,"
                + "pnl,return_pct,fees,exit_reason,bars_held");
        assertThat(trades).hasSize(r.trades().size() + 1);
        assertThat(Files.readAllLines(dir.resolve("equity.csv"))).hasSize(r.equity().size() + 1);
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"net_return\"", "\"sharpe\"");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).doesNotContain("src=\"http", "href=\"http");   // one offline file

        String dom = dumpDom(dir.resolve("report.html"));
        int expected = 2 + (int) r.trades().stream().map(t -> t.symbol()).distinct().count();
        assertThat(attribute(dom, "data-charts-expected")).isEqualTo(expected);
        assertThat(attribute(dom, "data-charts-rendered")).isEqualTo(expected);
        Matcher canvases = Pattern.compile("<canvas").matcher(dom);
        int count = 0;
        while (canvases.find()) {
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(expected * 2);
    }

    private static int attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as("%s in the rendered page", name).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static String chromium() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", Path.of("..", "bin", "ensure-chromium.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as("bin/ensure-chromium.sh could not provide Chromium").isZero();
        return path;
    }

    private String dumpDom(Path html) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1400,3000",
                "--virtual-time-budget=8000", "--dump-dom", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
