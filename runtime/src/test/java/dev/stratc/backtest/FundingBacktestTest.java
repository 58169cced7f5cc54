package dev.stratc.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.stratc.backtest.report.Summary;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import dev.stratc.strategy.AccountChoice;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.StrategyInfo;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.SymbolStrategy;

/**
 * {@code stratc backtest --market binance-usdm}: maker/taker fees, and funding at every 8-hour settlement the
 * position is held over, paid by a long and received by a short, as the exchange books it.
 */
class FundingBacktestTest {
    private static final long HOUR = 3_600_000L;

    /** A day of hourly bars at 100 from 00:00 UTC: the settlements at 08:00, 16:00 and 24:00 fall inside it. */
    private static Bars day(Market market) {
        var b = Bars.builder("BTCUSDT", market, Duration.ofHours(1));
        for (int i = 1; i <= 24; i++) {
            b.add(i * HOUR, 100, 100, 100, 100, 1000);
        }
        return b.build();
    }

    /** Opens 10 units at the first bar ({@code side}) and holds them to the end of the data. */
    private static StrategyProgram holds(OrderRequest.Side side) {
        StrategyInfo info = new StrategyInfo("Holds", List.of(), Duration.ofHours(1), 0, Set.of(),
                side == OrderRequest.Side.SELL, "test");
        return new StrategyProgram() {
            @Override
            public StrategyInfo info() {
                return info;
            }

            @Override
            public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
                return new SymbolStrategy() {
                    @Override
                    public void onBar(BarView bar, PositionView position, ActionSink actions) {
                        if (!position.isOpen() && bar.index() == 0) {
                            actions.order(new OrderRequest(symbol, side, new Quantity.Units(10),
                                    OrderRequest.OrderType.MARKET, Double.NaN, new AccountChoice.Default(), null, null));
                        }
                    }

                    @Override
                    public Stops stops() {
                        return Stops.NONE;
                    }

                    @Override
                    public int warmupBars() {
                        return 0;
                    }
                };
            }
        };
    }

    private static BacktestConfig config(Costs costs) {
        return BacktestConfig.defaults().withCapital(10_000).withCosts(costs).withWarmup(0);
    }

    @Test
    void aLongPaysAndAShortReceivesFundingAtEachSettlementItIsHeldOver() {
        // no fees, the market's default funding of 0.01 % per 8 h: 10 × 100 × 0.0001 = 0.1 a settlement, three
        Costs noFees = new Costs(0, 0, 0, Double.NaN, Double.NaN);
        var longRun = Backtester.run(holds(OrderRequest.Side.BUY), List.of(day(Market.BINANCE_USDM)), config(noFees), null);
        var shortRun = Backtester.run(holds(OrderRequest.Side.SELL), List.of(day(Market.BINANCE_USDM)), config(noFees),
                null);

        assertThat(longRun.stats().fundingPaid()).isCloseTo(0.3, within(1e-9));
        assertThat(longRun.metrics().finalEquity()).isCloseTo(10_000 - 0.3, within(1e-9));
        assertThat(shortRun.stats().fundingPaid()).isCloseTo(-0.3, within(1e-9));
        assertThat(shortRun.metrics().finalEquity()).isCloseTo(10_000 + 0.3, within(1e-9));
        assertThat(Summary.table(longRun, "test")).contains("funding paid 0.30 at 0.0100 % per 8 h");
    }

    @Test
    void theFundingRateOnTheCommandLineReplacesTheDefaultAndSpotHasNone() {
        var negative = Backtester.run(holds(OrderRequest.Side.BUY), List.of(day(Market.BINANCE_USDM)),
                config(new Costs(0, 0, 0, Double.NaN, -0.03)), null);
        var spot = Backtester.run(holds(OrderRequest.Side.BUY), List.of(day(Market.BINANCE)),
                config(new Costs(0, 0, 0, Double.NaN, 0.05)), null);

        // a negative rate: the long receives 10 × 100 × 0.0003 three times
        assertThat(negative.stats().fundingPaid()).isCloseTo(-0.9, within(1e-9));
        assertThat(spot.stats().hasFunding()).isFalse();
        assertThat(spot.metrics().finalEquity()).isCloseTo(10_000, within(1e-9));
        assertThat(Summary.table(spot, "test")).doesNotContain("funding");
    }

    @Test
    void takerAndMakerFeesAreTheFuturesOnes() {
        assertThat(Market.of("binance-usdm").commissionPercent()).isEqualTo(0.05);
        assertThat(Market.of("binance-usdm").makerPercent()).isEqualTo(0.02);
        var run = Backtester.run(holds(OrderRequest.Side.SELL), List.of(day(Market.BINANCE_USDM)),
                config(new Costs(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0)), null);
        // a market entry and the exit at the end, both taker: 2 × 0.05 % of 1000
        assertThat(run.metrics().feesPaid()).isCloseTo(1.0, within(1e-9));
    }

    /**
     * A recorded series (as {@code /fapi/v1/fundingRate} stamps it, a few ms after the settlement) replaces the
     * constant where it has a rate; a settlement missing from it keeps the constant, and the summary says which.
     */
    @Test
    void aRecordedRateSeriesIsChargedAtEachSettlementItCoversAndTheConstantElsewhere() {
        // 08:00 at +0.02 %, 16:00 at -0.005 %, 24:00 not recorded: the constant 0.01 %
        var rates = java.util.Map.of(8 * HOUR + 3, 0.02, 16 * HOUR + 1, -0.005);
        Costs noFees = new Costs(0, 0, 0, Double.NaN, Double.NaN);
        var run = Backtester.run(holds(OrderRequest.Side.BUY), List.of(day(Market.BINANCE_USDM)),
                config(noFees).withFundingRates(java.util.Map.of("BTCUSDT", rates)), null);

        // 10 units × 100: 1000 × (0.0002 − 0.00005 + 0.0001) = 0.25
        assertThat(run.stats().fundingPaid()).isCloseTo(0.25, within(1e-9));
        assertThat(run.metrics().finalEquity()).isCloseTo(10_000 - 0.25, within(1e-9));
        assertThat(run.stats().fundingSettlements()).isEqualTo(3);
        assertThat(run.stats().fundingRecorded()).isEqualTo(2);
        assertThat(Summary.table(run, "test"))
                .contains("funding paid 0.25 at the recorded rates (2 of 3 settlements; the others at 0.0100 %)");

        // a series of another symbol changes nothing
        var other = Backtester.run(holds(OrderRequest.Side.BUY), List.of(day(Market.BINANCE_USDM)),
                config(noFees).withFundingRates(java.util.Map.of("ETHUSDT", rates)), null);
        assertThat(other.stats().fundingPaid()).isCloseTo(0.3, within(1e-9));
        assertThat(other.stats().fundingRecorded()).isZero();
    }

    /** Rates saved in a store come back with its bars (UniverseLoader) and are what the backtest charges. */
    @Test
    void aStoresRecordedRatesAreChargedByABacktestOnIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path path = dir.resolve("futures.duckdb");
        try (var store = dev.stratc.data.BarStore.open(path)) {
            store.save(day(Market.BINANCE_USDM), "test");
            store.saveFundingRates("binance-usdm", "BTCUSDT", new java.util.TreeMap<>(java.util.Map.of(
                    8 * HOUR + 2, 0.03, 16 * HOUR + 2, 0.01, 24 * HOUR + 2, -0.02)), "test");
        }
        try (var universe = dev.stratc.data.UniverseLoader.load(path.toString(),
                dev.stratc.data.ReadOptions.defaults(Market.GENERIC), List.of())) {
            assertThat(universe.fundingRates().get("BTCUSDT")).hasSize(3);
            var run = Backtester.run(holds(OrderRequest.Side.BUY), universe.bars(),
                    config(new Costs(0, 0, 0, Double.NaN, Double.NaN)).withFundingRates(universe.fundingRates()), null);
            // 1000 × (0.0003 + 0.0001 − 0.0002) = 0.2, all three settlements recorded
            assertThat(run.stats().fundingPaid()).isCloseTo(0.2, within(1e-9));
            assertThat(run.stats().fundingRecorded()).isEqualTo(3);
        }
    }
}
