package dev.stratc.backtest.optimize;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import dev.stratc.backtest.Metrics;

/** What an optimisation maximises. A run whose figure is undefined (no trades, no drawdown) ranks last. */
public enum Objective {
    NET_RETURN("net-return", Metrics::netReturn),
    CAGR("cagr", Metrics::cagr),
    SHARPE("sharpe", Metrics::sharpe),
    SORTINO("sortino", Metrics::sortino),
    CALMAR("calmar", Metrics::calmar),
    PROFIT_FACTOR("profit-factor", Metrics::profitFactor),
    EXPECTANCY("expectancy", Metrics::expectancy),
    WIN_RATE("win-rate", Metrics::winRate);

    private final String id;
    private final ToDoubleFunction<Metrics> figure;

    Objective(String id, ToDoubleFunction<Metrics> figure) {
        this.id = id;
        this.figure = figure;
    }

    public String id() {
        return id;
    }

    /** The figure to maximise; {@code -∞} when it is undefined. */
    public double score(Metrics m) {
        double v = figure.applyAsDouble(m);
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    public static Objective parse(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Objective o : values()) {
            if (o.id.equals(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + text + "': use one of "
                + java.util.Arrays.stream(values()).map(Objective::id).toList());
    }
}
