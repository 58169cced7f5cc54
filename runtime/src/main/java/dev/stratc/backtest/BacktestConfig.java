package dev.stratc.backtest;

import java.util.Map;

import dev.stratc.strategy.ParameterValue;

/**
 * One run's settings.
 *
 * @param capital             starting cash
 * @param fill                when decided orders fill
 * @param maxPositions        the most positions open at once across the universe
 * @param positionSizePercent what {@code calculate_position_size()} commits per entry, percent of equity
 *                            (default 100 / maxPositions)
 * @param slippage            applied to market and stop fills
 * @param costs               commission, minimum, sell tax, maker fee overrides ({@link Costs#marketDefaults()})
 * @param warmupBars          bars per symbol before any decision, {@code -1} for the strategy's own
 * @param fromMillis          first bar end time that may decide (earlier bars only warm indicators up)
 * @param toMillis            bars ending at or after this are not read
 * @param overrides           parameter overrides ({@code -P})
 */
public record BacktestConfig(double capital, FillMode fill, int maxPositions, double positionSizePercent,
                             Slippage slippage, Costs costs, int warmupBars, long fromMillis, long toMillis,
                             Map<String, ParameterValue> overrides, Map<String, Map<Long, Double>> fundingRates)
        implements java.io.Serializable {

    public BacktestConfig {
        if (!(capital > 0)) {
            throw new IllegalArgumentException("capital must be positive, got " + capital);
        }
        if (maxPositions < 1) {
            throw new IllegalArgumentException("max positions must be at least 1, got " + maxPositions);
        }
        overrides = Map.copyOf(overrides);
        fundingRates = fundingRates == null ? Map.of() : Map.copyOf(fundingRates);
    }

    public static BacktestConfig defaults() {
        return new BacktestConfig(10_000_000, FillMode.NEXT_OPEN, 10, Double.NaN, Slippage.NONE,
                Costs.marketDefaults(), -1, Long.MIN_VALUE, Long.MAX_VALUE, Map.of(), Map.of());
    }

    public double sizePercent() {
        return Double.isNaN(positionSizePercent) ? 100.0 / maxPositions : positionSizePercent;
    }

    public BacktestConfig withCapital(double c) {
        return new BacktestConfig(c, fill, maxPositions, positionSizePercent, slippage, costs, warmupBars,
                fromMillis, toMillis, overrides, fundingRates);
    }

    public BacktestConfig withFill(FillMode f) {
        return new BacktestConfig(capital, f, maxPositions, positionSizePercent, slippage, costs, warmupBars,
                fromMillis, toMillis, overrides, fundingRates);
    }

    public BacktestConfig withMaxPositions(int n, double sizePercent) {
        return new BacktestConfig(capital, fill, n, sizePercent, slippage, costs, warmupBars, fromMillis, toMillis,
                overrides, fundingRates);
    }

    public BacktestConfig withSlippage(Slippage s) {
        return new BacktestConfig(capital, fill, maxPositions, positionSizePercent, s, costs, warmupBars,
                fromMillis, toMillis, overrides, fundingRates);
    }

    public BacktestConfig withCosts(Costs c) {
        return new BacktestConfig(capital, fill, maxPositions, positionSizePercent, slippage, c, warmupBars,
                fromMillis, toMillis, overrides, fundingRates);
    }

    public BacktestConfig withWarmup(int bars) {
        return new BacktestConfig(capital, fill, maxPositions, positionSizePercent, slippage, costs, bars,
                fromMillis, toMillis, overrides, fundingRates);
    }

    public BacktestConfig withPeriod(long from, long to) {
        return new BacktestConfig(capital, fill, maxPositions, positionSizePercent, slippage, costs, warmupBars,
                from, to, overrides, fundingRates);
    }

    public BacktestConfig withOverrides(Map<String, ParameterValue> o) {
        return new BacktestConfig(capital, fill, maxPositions, positionSizePercent, slippage, costs, warmupBars,
                fromMillis, toMillis, o, fundingRates);
    }

    /**
     * The funding rates recorded for perpetuals (the store's {@code /fapi/v1/fundingRate} history): symbol, then
     * funding time (epoch ms) to rate in percent. A settlement with a recorded rate is charged at it; the others at
     * the constant ({@code --funding-rate} or the market's default). See {@link FundingRule}.
     */
    public BacktestConfig withFundingRates(Map<String, Map<Long, Double>> rates) {
        return new BacktestConfig(capital, fill, maxPositions, positionSizePercent, slippage, costs, warmupBars,
                fromMillis, toMillis, overrides, rates);
    }
}
