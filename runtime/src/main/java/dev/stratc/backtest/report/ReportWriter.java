package dev.stratc.backtest.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.stratc.backtest.BacktestResult;
import dev.stratc.backtest.EquityCurve;
import dev.stratc.backtest.Trade;
import dev.stratc.data.Bars;

/**
 * Writes a run's files into a directory: {@code summary.json}, {@code trades.csv}, {@code equity.csv} and
 * {@code report.html} — one offline file with TradingView's lightweight-charts inlined (fetched from npm by the
 * build), candlesticks of the traded symbols with entry and exit markers, equity and drawdown, and the tables.
 */
public final class ReportWriter {
    /** Charts stay responsive: longer histories are merged into coarser candles for the picture only. */
    static final int MAX_CANDLES = 5_000;
    static final int MAX_CHARTED_SYMBOLS = 12;
    static final int MAX_TRADE_ROWS = 2_000;
    private static final String CHART_LIBRARY = "lightweight-charts.standalone.production.js";

    private ReportWriter() {
    }

    public static void write(BacktestResult result, Path dir, String data) {
        try {
            Files.createDirectories(dir);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            json.writeValue(dir.resolve("summary.json").toFile(), Summary.json(result, data));
            writeTrades(result.trades(), dir.resolve("trades.csv"));
            writeEquity(result.equity(), dir.resolve("equity.csv"));
            Files.writeString(dir.resolve("report.html"), html(result, data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    static void writeTrades(List<Trade> trades, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,return_pct,fees,"
                    + "exit_reason,bars_held\n");
            for (Trade t : trades) {
                w.write(csv(t.symbol()) + ',' + t.side().name().toLowerCase(Locale.ROOT) + ',' + num(t.quantity())
                        + ',' + Instant.ofEpochMilli(t.entryTime()) + ',' + num(t.entryPrice()) + ','
                        + Instant.ofEpochMilli(t.exitTime()) + ',' + num(t.exitPrice()) + ',' + num(t.pnl()) + ','
                        + num(t.returnPercent()) + ',' + num(t.fees()) + ',' + csv(t.exitReason()) + ','
                        + t.barsHeld() + '\n');
            }
        }
    }

    static void writeEquity(EquityCurve curve, Path file) throws IOException {
        double[] dd = curve.drawdowns();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time,equity,drawdown_pct\n");
            for (int i = 0; i < curve.size(); i++) {
                w.write(Instant.ofEpochMilli(curve.time(i)) + "," + num(curve.equity(i)) + "," + num(dd[i] * 100)
                        + '\n');
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    // ---- HTML ---------------------------------------------------------------------------------------------

    static String html(BacktestResult r, String data) throws IOException {
        ZoneId zone = r.universe().get(0).market().zone();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("equity", equitySeries(r.equity(), zone));
        model.put("symbols", symbolCharts(r));
        model.put("zone", zoneName(zone));
        String template = resource("report-template.html");
        String modelJson = new ObjectMapper().writeValueAsString(model).replace("</", "<\\/");
        return template
                .replace("/*LIGHTWEIGHT_CHARTS*/", resource(CHART_LIBRARY).replace("</script", "<\\/script"))
                .replace("/*MODEL*/null", modelJson)
                .replace("{{title}}", esc(r.strategyName()))
                .replace("{{subtitle}}", esc(r.universe().size() + " symbol" + (r.universe().size() == 1 ? "" : "s")
                        + ", " + time(r.metrics().start().toEpochMilli(), zone) + " … "
                        + time(r.metrics().end().toEpochMilli(), zone)))
                .replace("{{zone}}", esc(zoneName(zone)))
                .replace("{{data}}", esc(data))
                .replace("{{synthetic}}", data.startsWith("SYNTHETIC") ? "<p class=\"warn\">Synthetic data: this "
                        + "report demonstrates the tool; it says nothing about the strategy's real edge.</p>" : "")
                .replace("{{config}}", esc(configText(r)))
                .replace("{{metrics}}", metricsTable(r))
                .replace("{{trades}}", tradesTable(r, zone));
    }

    /** "Korea Standard Time (Asia/Seoul)", "UTC": what the report says its times are in. */
    static String zoneName(ZoneId zone) {
        String id = zone.normalized().getId();
        if (id.equals("Z") || id.equals("UTC")) {
            return "UTC";
        }
        return DateTimeFormatter.ofPattern("zzzz", Locale.ENGLISH).format(ZonedDateTime.now(zone)) + " (" + id + ")";
    }

    /** A time as the market's wall clock with the zone's abbreviation: {@code 2024-01-02 09:15 KST}. */
    static String time(long ms, ZoneId zone) {
        return WALL_CLOCK.format(Instant.ofEpochMilli(ms).atZone(zone));
    }

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z",
            Locale.ENGLISH);

    /**
     * The time the charts are given: the market's wall clock written as if it were UTC, in seconds. The chart
     * library draws every time in UTC; shifting by the zone's offset at that instant makes it draw 09:00 for a
     * KRX open instead of 00:00 (with the zone named beside the charts).
     */
    static long chartTime(long ms, ZoneId zone) {
        Instant t = Instant.ofEpochMilli(ms);
        return t.getEpochSecond() + zone.getRules().getOffset(t).getTotalSeconds();
    }

    private static String configText(BacktestResult r) {
        var m = r.config().costs().applyTo(r.universe().get(0).market());
        return "fill " + r.config().fill().name().toLowerCase(Locale.ROOT).replace('_', '-') + " · capital "
                + Summary.fmt(r.config().capital(), 0) + " · max positions " + r.config().maxPositions()
                + " · commission " + m.commissionPercent() + " % (min " + m.minimumCommission() + ") · sell tax "
                + m.sellTaxPercent() + " % · slippage " + r.config().slippage();
    }

    private static String metricsTable(BacktestResult r) {
        StringBuilder sb = new StringBuilder("<table class=\"metrics\">");
        for (Summary.Row row : Summary.rows(r)) {
            sb.append("<tr><th>").append(esc(row.label())).append("</th><td>").append(esc(row.text()))
                    .append("</td></tr>");
        }
        var s = r.stats();
        sb.append("<tr><th>Signals</th><td>").append(esc(s.signals().toString())).append("</td></tr>");
        sb.append("<tr><th>Entries not taken (max positions / cash)</th><td>")
                .append(s.entriesRejectedMaxPositions()).append(" / ").append(s.entriesRejectedCash())
                .append("</td></tr>");
        return sb.append("</table>").toString();
    }

    /**
     * The trade table; each row of a charted symbol carries its chart times, so a click on it zooms that chart
     * onto the trade (the page's script, through the {@code #trade=N} address, which also works as a link).
     */
    private static String tradesTable(BacktestResult r, ZoneId zone) {
        List<Trade> trades = r.trades();
        java.util.Set<String> charted = new java.util.HashSet<>(chartedSymbols(r).keySet());
        StringBuilder sb = new StringBuilder("<table class=\"trades\"><thead><tr><th>#</th><th>Symbol</th>"
                + "<th>Side</th><th>Qty</th><th>Entry time</th><th>Entry</th><th>Exit time</th><th>Exit</th>"
                + "<th>P&amp;L</th><th>Return</th><th>Fees</th><th>Exit reason</th><th>Bars</th></tr></thead><tbody>");
        int n = Math.min(trades.size(), MAX_TRADE_ROWS);
        for (int k = 0; k < n; k++) {
            Trade t = trades.get(k);
            ZoneId z = zoneOf(r, t.symbol(), zone);
            sb.append("<tr id=\"trade-").append(k + 1).append("\" class=\"").append(t.pnl() >= 0 ? "win" : "loss");
            if (charted.contains(t.symbol())) {
                sb.append(" zoom\" data-symbol=\"").append(esc(t.symbol())).append("\" data-from=\"")
                        .append(chartTime(t.entryTime(), z)).append("\" data-to=\"")
                        .append(chartTime(t.exitTime(), z)).append("\" title=\"Show this trade on the chart");
            }
            sb.append("\"><td>").append(k + 1)
                    .append("</td><td>").append(esc(t.symbol())).append("</td><td>")
                    .append(t.side().name().toLowerCase(Locale.ROOT)).append("</td><td>").append(num(t.quantity()))
                    .append("</td><td>").append(time(t.entryTime(), z)).append("</td><td>")
                    .append(num(t.entryPrice())).append("</td><td>").append(time(t.exitTime(), z))
                    .append("</td><td>").append(num(t.exitPrice())).append("</td><td>")
                    .append(Summary.fmt(t.pnl(), 2)).append("</td><td>").append(Summary.fmt(t.returnPercent(), 2))
                    .append(" %</td><td>").append(Summary.fmt(t.fees(), 2)).append("</td><td>")
                    .append(esc(t.exitReason())).append("</td><td>").append(t.barsHeld()).append("</td></tr>");
        }
        sb.append("</tbody></table>");
        if (trades.size() > n) {
            sb.append("<p>").append(trades.size() - n).append(" more trades in trades.csv.</p>");
        }
        return sb.toString();
    }

    private static ZoneId zoneOf(BacktestResult r, String symbol, ZoneId fallback) {
        for (Bars b : r.universe()) {
            if (b.symbol().equals(symbol)) {
                return b.market().zone();
            }
        }
        return fallback;
    }

    private static Map<String, Object> equitySeries(EquityCurve curve, ZoneId zone) {
        int n = curve.size();
        int step = Math.max(1, (n + MAX_CANDLES * 2 - 1) / (MAX_CANDLES * 2));
        double[] dd = curve.drawdowns();
        List<Object> eq = new ArrayList<>();
        List<Object> draw = new ArrayList<>();
        long lastT = Long.MIN_VALUE;
        for (int i = 0; i < n; i += step) {
            int k = Math.min(n - 1, i + step - 1);
            long t = chartTime(curve.time(k), zone);
            if (t <= lastT) {
                continue;
            }
            lastT = t;
            eq.add(List.of(t, curve.equity(k)));
            // the deepest drawdown within the merged points, so the picture never hides one
            double worst = 0;
            for (int j = i; j <= k; j++) {
                worst = Math.max(worst, dd[j]);
            }
            draw.add(List.of(t, -worst * 100));
        }
        return Map.of("equity", eq, "drawdown", draw);
    }

    /** The charted symbols (the most traded first, at most {@link #MAX_CHARTED_SYMBOLS}) with their trades. */
    private static Map<String, List<Trade>> chartedSymbols(BacktestResult r) {
        Map<String, List<Trade>> bySymbol = new LinkedHashMap<>();
        for (Trade t : r.trades()) {
            bySymbol.computeIfAbsent(t.symbol(), k -> new ArrayList<>()).add(t);
        }
        List<Map.Entry<String, List<Trade>>> traded = new ArrayList<>(bySymbol.entrySet());
        traded.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        Map<String, List<Trade>> out = new LinkedHashMap<>();
        for (var e : traded.subList(0, Math.min(MAX_CHARTED_SYMBOLS, traded.size()))) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static List<Map<String, Object>> symbolCharts(BacktestResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : chartedSymbols(r).entrySet()) {
            Bars bars = r.universe().stream().filter(b -> b.symbol().equals(e.getKey())).findFirst().orElseThrow();
            out.add(candles(bars, e.getValue(), r.plots().getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    private static Map<String, Object> candles(Bars b, List<Trade> trades, List<PlotSeries> plots) {
        ZoneId zone = b.market().zone();
        int n = b.size();
        int step = Math.max(1, (n + MAX_CANDLES - 1) / MAX_CANDLES);
        List<Object> rows = new ArrayList<>();
        List<Object> volume = new ArrayList<>();
        long[] groupTime = new long[(n + step - 1) / step];
        int[] groupEnd = new int[groupTime.length];
        int g = 0;
        for (int i = 0; i < n; i += step) {
            int k = Math.min(n - 1, i + step - 1);
            double h = Double.NEGATIVE_INFINITY;
            double l = Double.POSITIVE_INFINITY;
            double v = 0;
            for (int j = i; j <= k; j++) {
                h = Math.max(h, b.high(j));
                l = Math.min(l, b.low(j));
                v += b.volume(j);
            }
            long t = chartTime(b.time(k), zone);
            groupTime[g] = t;
            groupEnd[g++] = k;
            rows.add(List.of(t, b.open(i), h, l, b.close(k)));
            volume.add(List.of(t, v, b.close(k) >= b.open(i) ? 1 : 0));
        }
        List<Object> series = new ArrayList<>();
        for (PlotSeries p : plots) {
            List<Object> points = new ArrayList<>();
            for (int q = 0; q < g; q++) {
                int k = groupEnd[q];   // a merged candle shows the series' value at its last bar, as its close
                if (k < p.values().length && Double.isFinite(p.values()[k])) {
                    points.add(List.of(groupTime[q], p.values()[k]));
                }
            }
            series.add(Map.of("name", p.name(), "overlay", p.overlay(), "points", points));
        }
        List<Object> markers = new ArrayList<>();
        for (Trade t : trades) {
            boolean isLong = t.side() == Trade.Side.LONG;
            markers.add(Map.of("time", groupTime[Math.min(g - 1, t.entryBar() / step)], "position",
                    isLong ? "belowBar" : "aboveBar", "color", "#2962ff", "shape", isLong ? "arrowUp" : "arrowDown",
                    "text", (isLong ? "buy " : "short ") + num(t.entryPrice())));
            markers.add(Map.of("time", groupTime[Math.min(g - 1, t.exitBar() / step)], "position",
                    isLong ? "aboveBar" : "belowBar", "color", t.pnl() >= 0 ? "#26a69a" : "#ef5350", "shape",
                    isLong ? "arrowDown" : "arrowUp", "text", label(t.exitReason()) + " " + num(t.exitPrice())));
        }
        markers.sort((x, y) -> Long.compare((Long) ((Map<?, ?>) x).get("time"), (Long) ((Map<?, ?>) y).get("time")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", b.symbol());
        m.put("trades", trades.size());
        m.put("merged", step);
        m.put("candles", rows);
        m.put("volume", volume);
        m.put("plots", series);
        m.put("markers", markers);
        return m;
    }

    /** A marker's label: the exit reason, cut so that a long rule text does not run over its neighbours. */
    static String label(String reason) {
        return reason.length() <= MAX_LABEL ? reason : reason.substring(0, MAX_LABEL - 1).stripTrailing() + "…";
    }

    private static final int MAX_LABEL = 24;

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build "
                        + "(lightweight-charts is fetched from npm when runtime is built)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
