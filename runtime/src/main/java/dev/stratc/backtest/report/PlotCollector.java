package dev.stratc.backtest.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.data.Bars;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.Plottable;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.SymbolStrategy;

/**
 * Collects, bar by bar, the series each symbol's chart draws ({@link Plottable}): after every evaluation the
 * strategy writes its plots' and indicators' values at that bar, which land at the bar's index. Bars never
 * evaluated (after the end of the data) stay {@code NaN}.
 */
public final class PlotCollector {
    private final Plottable[] plottables;
    private final String[][] names;
    private final boolean[][] overlays;
    /** [symbol][series][bar]. */
    private final double[][][] values;
    private final double[][] scratch;
    private final String[] symbols;

    public PlotCollector(SymbolStrategy[] strategies, Bars[] bars) {
        int n = strategies.length;
        plottables = new Plottable[n];
        names = new String[n][];
        overlays = new boolean[n][];
        values = new double[n][][];
        scratch = new double[n][];
        symbols = new String[n];
        for (int s = 0; s < n; s++) {
            symbols[s] = bars[s].symbol();
            if (!(strategies[s] instanceof Plottable plottable) || plottable.plotNames().length == 0) {
                continue;
            }
            plottables[s] = plottable;
            names[s] = plottable.plotNames();
            overlays[s] = plottable.plotOverlays();
            values[s] = new double[names[s].length][bars[s].size()];
            for (double[] series : values[s]) {
                Arrays.fill(series, Double.NaN);
            }
            scratch[s] = new double[names[s].length];
        }
    }

    /** After symbol {@code s} evaluated its bar {@code index}. */
    public void evaluated(int s, int index, BarView bar, PositionView position) {
        Plottable plottable = plottables[s];
        if (plottable == null || index >= values[s][0].length) {
            return;
        }
        double[] out = scratch[s];
        Arrays.fill(out, Double.NaN);
        plottable.plotValues(bar, position, out);
        for (int k = 0; k < out.length; k++) {
            values[s][k][index] = out[k];
        }
    }

    /** Per symbol, its series in the strategy's order; symbols without any are left out. */
    public Map<String, List<PlotSeries>> series() {
        Map<String, List<PlotSeries>> out = new LinkedHashMap<>();
        for (int s = 0; s < symbols.length; s++) {
            if (plottables[s] == null) {
                continue;
            }
            List<PlotSeries> list = new ArrayList<>(names[s].length);
            for (int k = 0; k < names[s].length; k++) {
                list.add(new PlotSeries(names[s][k], overlays[s][k], values[s][k]));
            }
            out.put(symbols[s], List.copyOf(list));
        }
        return out;
    }
}
