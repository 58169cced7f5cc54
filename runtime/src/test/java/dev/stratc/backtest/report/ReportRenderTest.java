package dev.stratc.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import dev.stratc.data.UniverseLoader;

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
        BacktestResult run = Backtester.run(new SmaCrossProgram(5, 20, 2, 4), List.of(btc, eth),
                BacktestConfig.defaults().withCapital(100_000).withMaxPositions(2, Double.NaN), null);
        assertThat(run.trades()).isNotEmpty();
        // the series another part of stratc computes (indicators, plot()): built here, one on the price pane and
        // one in a pane of its own, on BTCUSD only
        double[] sma = sma(btc, 20);
        double[] distance = new double[btc.size()];
        for (int i = 0; i < btc.size(); i++) {
            distance[i] = Double.isNaN(sma[i]) ? Double.NaN : btc.close(i) - sma[i];
        }
        BacktestResult r = new BacktestResult(run.strategyName(), run.config(), run.universe(), run.trades(),
                run.equity(), run.metrics(), run.stats(), Map.of("BTCUSD", List.of(
                        new PlotSeries("sma(close, 20)", true, sma),
                        new PlotSeries("close - sma(close, 20)", false, distance))));
        ReportWriter.write(r, dir, "examples/data");

        List<String> trades = Files.readAllLines(dir.resolve("trades.csv"));
        assertThat(trades.get(0)).isEqualTo("symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,"
                + "pnl,return_pct,fees,exit_reason,bars_held");
        assertThat(trades).hasSize(r.trades().size() + 1);
        assertThat(Files.readAllLines(dir.resolve("equity.csv"))).hasSize(r.equity().size() + 1);
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"net_return\"", "\"sharpe\"");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).doesNotContain("src=\"http", "href=\"http");   // one offline file

        // #trade=N: what a click on trade N's row does (the row sets the address), loaded directly
        int zoomed = firstTradeOf(r, "BTCUSD");
        String dom = dumpDom(dir.resolve("report.html"), "#trade=" + zoomed);
        int expected = 2 + (int) r.trades().stream().map(t -> t.symbol()).distinct().count();
        assertThat(attribute(dom, "data-charts-expected")).isEqualTo(expected);
        assertThat(attribute(dom, "data-charts-rendered")).isEqualTo(expected);
        Matcher canvases = Pattern.compile("<canvas").matcher(dom);
        int count = 0;
        while (canvases.find()) {
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(expected * 2);

        // the equity axis groups digits (not 10000350.00)
        assertThat(text(dom, "data-equity-axis-sample")).isEqualTo("10,000,350");
        // price pane, volume pane, and the series with a pane of its own; the overlay is on the price pane
        Map<String, String> btcChart = chartDiv(dom, "BTCUSD");
        assertThat(btcChart).containsEntry("data-panes", "3").containsEntry("data-plot-series", "2");
        assertThat(Integer.parseInt(btcChart.get("data-volume-bars"))).isPositive();
        assertThat(chartDiv(dom, "ETHUSD")).containsEntry("data-panes", "2").containsEntry("data-plot-series", "0");
        assertThat(dom).contains("<span style=\"--c: #ff9800;\">sma(close, 20)</span>",
                "close - sma(close, 20)</span>", "volume</span>");
        // marker labels: never two over each other, some shown, the rest thinned out where trades crowd
        for (String symbol : List.of("BTCUSD", "ETHUSD")) {
            Map<String, String> chart = chartDiv(dom, symbol);
            assertThat(chart.get("data-label-overlaps")).as(symbol).isEqualTo("0");
            assertThat(Integer.parseInt(chart.get("data-labels-shown"))).as(symbol).isPositive();
        }
        long btcTrades = r.trades().stream().filter(t -> t.symbol().equals("BTCUSD")).count();
        if (btcTrades > 40) {   // 80 labels cannot all fit across 1,400 pixels at once
            assertThat(Integer.parseInt(btcChart.get("data-labels-shown")))
                    .isLessThan(Integer.parseInt(btcChart.get("data-labels-total")));
        }
        // exits say what fired them: the stop with its level
        assertThat(dom).containsAnyOf("<td>stop_loss 2 %</td>", "<td>take_profit 4 %</td>");
        // the zoom: the chart shows the trade with some bars either side, much less than the whole history
        Map<String, String> row = rowAttributes(dom, "trade-" + zoomed);
        double from = Double.parseDouble(text(dom, "data-zoom-from"));
        double to = Double.parseDouble(text(dom, "data-zoom-to"));
        assertThat(text(dom, "data-zoomed-trade")).isEqualTo("trade-" + zoomed);
        assertThat(from).isLessThanOrEqualTo(Double.parseDouble(row.get("data-from")));
        assertThat(to).isGreaterThanOrEqualTo(Double.parseDouble(row.get("data-to")));
        double history = (btc.time(btc.size() - 1) - btc.time(0)) / 1000.0;
        assertThat(to - from).isLessThan(history / 4);
        assertThat(row.get("class")).contains("selected");
        // generic data is in UTC, and the page says so
        assertThat(dom).contains("Times are the market's: UTC.");
    }

    @Test
    void krxTimesAreTheMarketsWallClockWithTheZoneNamed() throws Exception {
        List<Bars> krx = UniverseLoader.load("synth:krx?symbols=2&days=2&seed=5", ReadOptions.defaults(Market.KRX),
                List.of()).bars();
        BacktestResult r = Backtester.run(new SmaCrossProgram(5, 20, 2, 4), krx,
                BacktestConfig.defaults().withMaxPositions(2, Double.NaN), null);
        assertThat(r.trades()).isNotEmpty();
        ReportWriter.write(r, dir, "synth");
        String dom = dumpDom(dir.resolve("report.html"), "");

        assertThat(attribute(dom, "data-charts-rendered")).isEqualTo(attribute(dom, "data-charts-expected"));
        assertThat(dom).contains("Times are the market's: Korean Standard Time (Asia/Seoul).");
        Matcher entry = Pattern.compile("<td>(\\d{4}-\\d\\d-\\d\\d) (\\d\\d):(\\d\\d) KST</td>").matcher(dom);
        assertThat(entry.find()).as("trade times in KST").isTrue();
        int minute = Integer.parseInt(entry.group(2)) * 60 + Integer.parseInt(entry.group(3));
        assertThat(minute).isBetween(9 * 60, 15 * 60 + 30);   // the session, 09:00-15:30 KST, not 00:00-06:30
        // the charts get the same wall clock: a trade's chart time falls in the session's hours too
        Map<String, String> row = rowAttributes(dom, "trade-1");
        long secondOfDay = Long.parseLong(row.get("data-from")) % 86_400;
        assertThat(secondOfDay).isBetween(9 * 3600L, 15 * 3600L + 1800);
    }

    private static int firstTradeOf(BacktestResult r, String symbol) {
        for (int k = 0; k < r.trades().size(); k++) {
            if (r.trades().get(k).symbol().equals(symbol)) {
                return k + 1;
            }
        }
        throw new AssertionError("no trade of " + symbol);
    }

    private static double[] sma(Bars b, int n) {
        double[] out = new double[b.size()];
        double sum = 0;
        for (int i = 0; i < b.size(); i++) {
            sum += b.close(i);
            if (i >= n) {
                sum -= b.close(i - n);
            }
            out[i] = i >= n - 1 ? sum / n : Double.NaN;
        }
        return out;
    }

    /** The attributes of the element whose opening tag matches {@code tagPattern}. */
    private static Map<String, String> attributes(String dom, String tagPattern) {
        Matcher tag = Pattern.compile(tagPattern).matcher(dom);
        assertThat(tag.find()).as("%s in the rendered page", tagPattern).isTrue();
        Map<String, String> out = new java.util.HashMap<>();
        Matcher a = Pattern.compile("([a-z-]+)=\"([^\"]*)\"").matcher(tag.group());
        while (a.find()) {
            out.put(a.group(1), a.group(2));
        }
        return out;
    }

    private static Map<String, String> chartDiv(String dom, String symbol) {
        return attributes(dom, "<div class=\"chart\"[^>]*data-symbol=\"" + symbol + "\"[^>]*>");
    }

    private static Map<String, String> rowAttributes(String dom, String id) {
        return attributes(dom, "<tr id=\"" + id + "\"[^>]*>");
    }

    private static String text(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("%s in the rendered page", name).isTrue();
        return m.group(1);
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

    private String dumpDom(Path html, String fragment) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1400,3000",
                "--virtual-time-budget=8000", "--dump-dom", html.toUri() + fragment));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
