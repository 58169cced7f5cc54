package dev.stratc.cli.commands;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.Costs;
import dev.stratc.backtest.FillMode;
import dev.stratc.backtest.Slippage;
import dev.stratc.cli.CliException;
import dev.stratc.compiler.ParameterValues;
import dev.stratc.data.Bars;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.ParameterInfo;
import dev.stratc.strategy.ParameterValue;
import dev.stratc.strategy.StrategyInfo;
import picocli.CommandLine.Option;

/** How a run simulates: fills, capital, sizing, costs, period and parameter overrides. */
public final class RunOptions {
    @Option(names = "--fill", paramLabel = "next-open|close", defaultValue = "next-open",
            description = "Orders decided at a bar's close fill at the next open (default) or at that close.")
    String fill;

    @Option(names = "--capital", paramLabel = "AMOUNT",
            description = {"Starting cash in the market's currency, more than 0 and at most 1e15 (default: krx and",
                "generic 10,000,000; binance 10,000 USDT)."})
    Double capital;

    /** A capital a user of that market would start with: ten million won, ten thousand dollars of crypto. */
    static double defaultCapital(dev.stratc.data.Market market) {
        return market.id().equals("binance") ? 10_000 : 10_000_000;
    }

    @Option(names = "--max-positions", paramLabel = "N", defaultValue = "10",
            description = "Most positions open at once, 1 to 10000 (default ${DEFAULT-VALUE}).")
    int maxPositions;

    @Option(names = "--position-size", paramLabel = "PERCENT",
            description = {"Equity committed per calculate_position_size() entry, more than 0 and at most 100 %%",
                "(default 100 / max positions)."})
    String positionSize;

    @Option(names = "--commission", paramLabel = "PERCENT",
            description = "Commission per fill in percent, 0 to 10 (market default: krx 0.015, binance 0.1; 0 = off).")
    String commission;

    @Option(names = "--min-commission", paramLabel = "AMOUNT", description = "Least commission per fill, 0 to 1e9.")
    Double minCommission;

    @Option(names = "--tax", paramLabel = "PERCENT",
            description = "Tax on sells in percent, 0 to 10 (krx default 0.20, the securities transaction tax; 0 = off).")
    String tax;

    @Option(names = "--funding-rate", paramLabel = "PERCENT", description = {
        "Funding per 8 h of a perpetual, -3 to 3 %% (--market binance-usdm; default 0.01, the rate of a flat",
        "premium); a long pays it, a short receives it."})
    String fundingRate;

    @Option(names = "--lot-step", paramLabel = "UNITS",
            description = {"Quantity step, 0 (any) to 1e6, e.g. 0.00001 for BTCUSDT (default: krx 1 share, binance",
                "and generic any)."})
    Double lotStep;

    @Option(names = "--slippage", paramLabel = "AMOUNT", defaultValue = "0",
            description = "Per market and stop fill: 0 to 10 %% (0.05%%) or 0 to 1000 ticks (1tick). Default 0.")
    String slippage;

    @Option(names = "--warmup", paramLabel = "BARS",
            description = "Bars per symbol before any decision, 0 to 1000000 (default: the strategy's warmup).")
    Integer warmup;

    @Option(names = "--from", paramLabel = "DATE", description = "First time that may trade (earlier bars warm up).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Bars ending at or after this are left out.")
    String to;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = "Override a parameter: -P fast=12 -P surge_threshold=4%%.")
    Map<String, String> params = new LinkedHashMap<>();

    /**
     * Refuses any value outside its range, before the command compiles or loads anything: a mistyped option
     * is answered at once, not after the data is read.
     */
    void checkRanges() {
        try {
            Slippage slip = Slippage.parse(slippage);
            (slip.inTicks() ? Bounds.SLIPPAGE_TICKS : Bounds.SLIPPAGE_PERCENT).check(slip.amount(), slippage.strip());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        if (capital != null) {
            Bounds.CAPITAL.check(capital);
        }
        Bounds.MAX_POSITIONS.check(maxPositions);
        if (positionSize != null) {
            percent(Bounds.POSITION_SIZE, positionSize);
        }
        if (commission != null) {
            percent(Bounds.COMMISSION, commission);
        }
        if (tax != null) {
            percent(Bounds.TAX, tax);
        }
        if (fundingRate != null) {
            percent(Bounds.FUNDING_RATE, fundingRate);
        }
        if (minCommission != null) {
            Bounds.MIN_COMMISSION.check(minCommission);
        }
        if (lotStep != null) {
            Bounds.LOT_STEP.check(lotStep);
        }
        if (warmup != null) {
            Bounds.WARMUP.check(warmup);
        }
    }

    BacktestConfig config(StrategyInfo info, dev.stratc.data.Market market) {
        return config(info, market.zone(), capital != null ? capital : defaultCapital(market));
    }

    private BacktestConfig config(StrategyInfo info, java.time.ZoneId zone, double capital) {
        checkRanges();
        FillMode mode;
        try {
            mode = FillMode.parse(fill);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        Slippage slip = Slippage.parse(slippage);
        double size = positionSize == null ? Double.NaN : percent(Bounds.POSITION_SIZE, positionSize);
        Costs costs = new Costs(commission == null ? Double.NaN : percent(Bounds.COMMISSION, commission),
                minCommission == null ? Double.NaN : minCommission,
                tax == null ? Double.NaN : percent(Bounds.TAX, tax), lotStep == null ? Double.NaN : lotStep,
                fundingRate == null ? Double.NaN : percent(Bounds.FUNDING_RATE, fundingRate));
        long fromMs = from == null ? Long.MIN_VALUE : Durations.instant("--from", from, zone);
        long toMs = to == null ? Long.MAX_VALUE : Durations.instant("--to", to, zone);
        if (fromMs >= toMs) {
            throw CliException.usage("--from " + from + " --to " + to + ": the period is empty; --from must be "
                    + "before --to");
        }
        return BacktestConfig.defaults().withCapital(capital).withFill(mode).withMaxPositions(maxPositions, size)
                .withSlippage(slip).withCosts(costs).withWarmup(warmup == null ? -1 : warmup)
                .withPeriod(fromMs, toMs).withOverrides(overrides(info, params));
    }

    /** {@code --funding-rate} on data without funding (spot, shares) is a mistake, said before the run. */
    void checkFunding(List<Bars> universe) {
        if (fundingRate != null && universe.stream().noneMatch(b -> b.market().hasFunding())) {
            throw CliException.usage("--funding-rate " + fundingRate + ": the data's market ("
                    + (universe.isEmpty() ? "none" : universe.get(0).market().id()) + ") has no funding; it applies "
                    + "to perpetual futures, --market binance-usdm (or a store fetched with --market usdm)");
        }
    }

    /**
     * Refuses a --from/--to period in which the data has no bar: the run would trade nothing and report an
     * empty period, where the user meant another one.
     */
    void checkPeriod(BacktestConfig config, List<Bars> universe) {
        long first = universe.stream().filter(b -> b.size() > 0).mapToLong(b -> b.time(0)).min().orElse(0);
        long last = universe.stream().filter(b -> b.size() > 0).mapToLong(b -> b.time(b.size() - 1)).max()
                .orElse(0);
        boolean anyInPeriod = universe.stream().anyMatch(b -> hasBarIn(b, config.fromMillis(), config.toMillis()));
        if (!anyInPeriod) {
            String period = (from == null ? "" : "--from " + from) + (from != null && to != null ? " " : "")
                    + (to == null ? "" : "--to " + to);
            throw CliException.usage(period + ": no bar of the data falls in this period; the data runs from "
                    + Instant.ofEpochMilli(first) + " to " + Instant.ofEpochMilli(last));
        }
    }

    private static boolean hasBarIn(Bars bars, long fromMs, long toMs) {
        int first = bars.indexAtOrAfter(fromMs);
        return first < bars.size() && bars.time(first) < toMs;
    }

    private static double percent(Bounds bounds, String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip().replace("%", ""));
        } catch (NumberFormatException e) {
            throw CliException.usage(bounds.option() + " '" + text + "': write a percent such as 0.015 or 0.015%");
        }
        return bounds.check(value, text.strip());
    }

    /** {@code -P} values read by the declared parameter's kind; unknown names are refused with the known ones. */
    static Map<String, ParameterValue> overrides(StrategyInfo info, Map<String, String> raw) {
        Map<String, ParameterValue> out = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            declared(info, e.getKey());
            out.put(e.getKey(), ParameterValues.parse(e.getValue()));
        }
        return out;
    }

    static ParameterInfo declared(StrategyInfo info, String name) {
        return info.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> CliException.usage("-P " + name + ": the strategy has no parameter '" + name
                        + "'; it declares " + info.parameters().stream().map(ParameterInfo::name).toList()));
    }

    /** Instantiates the strategy once so a -P value of the wrong kind is a usage error naming the parameter. */
    static void checkOverrides(StrategyProgram program, BacktestConfig config, Bars first) {
        try {
            program.newInstance(first.symbol(), new StrategySettings(config.overrides(), first.timeframe(),
                    first.market().zone()));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("-P: " + e.getMessage());
        }
    }

    /** The -P values that are ranges (a..b step c, or a,b,c), for the optimiser. */
    static Map<String, String> ranges(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (v.contains("..") || v.contains(",")) {
                out.put(k, v);
            }
        });
        return out;
    }

    static Map<String, String> fixed(Map<String, String> raw) {
        Map<String, String> out = new LinkedHashMap<>(raw);
        out.keySet().removeAll(ranges(raw).keySet());
        return out;
    }
}
