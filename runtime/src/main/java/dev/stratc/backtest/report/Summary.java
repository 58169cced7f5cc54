package dev.stratc.backtest.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stratc.backtest.BacktestResult;
import dev.stratc.backtest.Metrics;

/** The run's figures as labelled rows: the stdout table, summary.json and the HTML report share them. */
public final class Summary {
    private Summary() {
    }

    /** A figure: its label, its JSON key and value, and its text for people. */
    public record Row(String label, String key, Object value, String text) {
    }

    public static List<Row> rows(BacktestResult r) {
        Metrics m = r.metrics();
        List<Row> rows = new ArrayList<>();
        rows.add(pct("Net return", "net_return", m.netReturn()));
        rows.add(pct("Gross return (before costs)", "gross_return", m.grossReturn()));
        rows.add(pct("CAGR", "cagr", m.cagr()));
        rows.add(pct("Max drawdown", "max_drawdown", m.maxDrawdown()));
        rows.add(new Row("Max drawdown duration", "max_drawdown_duration_seconds",
                m.maxDrawdownLength().toSeconds(), duration(m.maxDrawdownLength())));
        rows.add(ratio("Sharpe", "sharpe", m.sharpe(), m.trades()));
        rows.add(ratio("Sortino", "sortino", m.sortino(), m.trades()));
        rows.add(ratio("Calmar", "calmar", m.calmar(), m.trades()));
        rows.add(pct("Win rate", "win_rate", m.winRate()));
        rows.add(num("Profit factor", "profit_factor", m.profitFactor()));
        rows.add(money("Expectancy per trade", "expectancy", m.expectancy()));
        rows.add(money("Average win", "average_win", m.averageWin()));
        rows.add(money("Average loss", "average_loss", m.averageLoss()));
        rows.add(num("Payoff ratio", "payoff_ratio", m.payoffRatio()));
        rows.add(pct("Exposure (time in market)", "exposure", m.exposure()));
        rows.add(new Row("Trades", "trades", m.trades(), Integer.toString(m.trades())));
        rows.add(num("Average bars held", "average_bars_held", m.averageBarsHeld()));
        rows.add(money("Fees and taxes paid", "fees_paid", m.feesPaid()));
        rows.add(pct("Buy and hold (equal weight)", "buy_and_hold", m.buyAndHold()));
        rows.add(money("Final equity", "final_equity", m.finalEquity()));
        return rows;
    }

    public static Map<String, Object> json(BacktestResult r, String data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", r.strategyName());
        out.put("data", data);
        out.put("symbols", r.universe().size());
        out.put("start", r.metrics().start().toString());
        out.put("end", r.metrics().end().toString());
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("capital", r.config().capital());
        cfg.put("fill", r.config().fill().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        cfg.put("max_positions", r.config().maxPositions());
        cfg.put("position_size_percent", r.config().sizePercent());
        cfg.put("slippage", r.config().slippage().toString());
        var market = r.config().costs().applyTo(r.universe().get(0).market());
        cfg.put("market", market.id());
        cfg.put("commission_percent", market.commissionPercent());
        cfg.put("minimum_commission", market.minimumCommission());
        cfg.put("sell_tax_percent", market.sellTaxPercent());
        Map<String, Object> overrides = new LinkedHashMap<>();
        r.config().overrides().forEach((k, v) -> overrides.put(k, v.text() != null ? v.text() : v.number()));
        cfg.put("parameters", overrides);
        out.put("config", cfg);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Row row : rows(r)) {
            Object v = row.value();
            metrics.put(row.key(), v instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : v);
        }
        out.put("metrics", metrics);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("bars", r.stats().bars());
        stats.put("signals", r.stats().signals());
        stats.put("entries_rejected_max_positions", r.stats().entriesRejectedMaxPositions());
        stats.put("entries_rejected_cash", r.stats().entriesRejectedCash());
        stats.put("orders_ignored", r.stats().ordersIgnored());
        if (r.stats().hasFunding()) {
            stats.put("funding_paid", r.stats().fundingPaid());
            stats.put("funding_settlements", r.stats().fundingSettlements());
            stats.put("funding_settlements_recorded", r.stats().fundingRecorded());
        }
        out.put("stats", stats);
        return out;
    }

    /** The period in the market's own time zone, named: KRX days read 09:00 … 15:30 KST, not 00:00 … 06:30. */
    static String period(BacktestResult r, Metrics m) {
        java.time.ZoneId zone = r.universe().isEmpty() ? java.time.ZoneOffset.UTC : r.universe().get(0).market().zone();
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                .withZone(zone);
        String abbreviation = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.US).withZone(zone)
                .format(m.start());
        return f.format(m.start()) + " … " + f.format(m.end()) + " " + (abbreviation.equals(zone.getId())
                ? zone.getId() : abbreviation + " (" + zone.getId() + ")");
    }

    /** The table printed on stdout. */
    public static String table(BacktestResult r, String data) {
        StringBuilder sb = new StringBuilder();
        Metrics m = r.metrics();
        sb.append(r.strategyName()).append(" — ").append(r.universe().size()).append(" symbol")
                .append(r.universe().size() == 1 ? "" : "s").append(", ").append(period(r, m)).append('\n');
        sb.append("data: ").append(data).append('\n');
        sb.append("fill: ").append(r.config().fill().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(", capital ").append(fmt(r.config().capital(), 0)).append(", max positions ")
                .append(r.config().maxPositions()).append(", slippage ").append(r.config().slippage()).append('\n');
        sb.append('\n');
        int width = 0;
        List<Row> rows = rows(r);
        for (Row row : rows) {
            width = Math.max(width, row.label().length());
        }
        for (Row row : rows) {
            sb.append("  ").append(row.label()).append(" ".repeat(width - row.label().length() + 2))
                    .append(row.text()).append('\n');
        }
        var s = r.stats();
        if (!s.signals().isEmpty() || s.entriesRejectedMaxPositions() + s.entriesRejectedCash() > 0) {
            sb.append('\n').append("  signals ").append(s.signals()).append("; entries not taken: ")
                    .append(s.entriesRejectedMaxPositions()).append(" (max positions), ")
                    .append(s.entriesRejectedCash()).append(" (cash)\n");
        }
        if (s.hasFunding()) {
            // in the equity and the return above; trades' P&L counts fees, not funding
            double rate = r.universe().isEmpty() ? Double.NaN
                    : r.config().costs().applyTo(r.universe().get(0).market()).fundingPercent();
            sb.append("  funding ").append(s.fundingPaid() >= 0 ? "paid " : "received ")
                    .append(fmt(Math.abs(s.fundingPaid()), 2));
            if (s.fundingRecorded() > 0) {
                sb.append(" at the recorded rates (").append(s.fundingRecorded()).append(" of ")
                        .append(s.fundingSettlements()).append(" settlements; the others at ").append(fmt(rate, 4))
                        .append(" %) (in the equity above)\n");
            } else {
                sb.append(" at ").append(fmt(rate, 4))
                        .append(" % per 8 h (in the equity above; --funding-rate to change)\n");
            }
        }
        if (s.ordersIgnored() > 0) {
            // every order the strategy gave is placed; one that could do nothing is said here, with the first reason
            String marker = "order not taken: ";
            String first = s.logs().stream().filter(line -> line.contains(marker)).findFirst().orElse(null);
            sb.append("  orders not taken: ").append(s.ordersIgnored())
                    .append(first == null ? "" : " (first: " + first.substring(first.indexOf(marker) + marker.length())
                            + ")").append('\n');
        }
        return sb.toString();
    }

    private static Row pct(String label, String key, double v) {
        return new Row(label, key, v, Double.isNaN(v) ? "—" : fmt(v * 100, 2) + " %");
    }

    /**
     * Below this many trades a risk-adjusted ratio is noise (a Sharpe of 11 on a 0.00 % return), so the summary
     * says so instead of printing a large number; summary.json gets null for it.
     */
    static final int MIN_TRADES_FOR_RATIOS = 5;

    private static Row ratio(String label, String key, double v, int trades) {
        return trades < MIN_TRADES_FOR_RATIOS ? new Row(label, key, Double.NaN, "n/a (too few trades)")
                : num(label, key, v);
    }

    private static Row num(String label, String key, double v) {
        return new Row(label, key, v, Double.isNaN(v) ? "—" : Double.isInfinite(v) ? "∞" : fmt(v, 2));
    }

    private static Row money(String label, String key, double v) {
        return new Row(label, key, v, Double.isNaN(v) ? "—" : fmt(v, Math.abs(v) >= 1000 ? 0 : 2));
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String duration(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        return hours > 0 ? hours + "h " + minutes + "m" : minutes + "m";
    }
}
