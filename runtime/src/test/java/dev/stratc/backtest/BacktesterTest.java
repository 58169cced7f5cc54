package dev.stratc.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

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

class BacktesterTest {
    private static final long MIN = 60_000;

    /** Bars from rows of open, high, low, close; one minute apart. */
    static Bars bars(String symbol, Market market, double[]... ohlc) {
        var b = Bars.builder(symbol, market, Duration.ofMinutes(1));
        for (int i = 0; i < ohlc.length; i++) {
            b.add((i + 1) * MIN, ohlc[i][0], ohlc[i][1], ohlc[i][2], ohlc[i][3], 1000);
        }
        return b.build();
    }

    static double[] bar(double o, double h, double l, double c) {
        return new double[] {o, h, l, c};
    }

    static StrategyProgram enterAt(int entryBar, int exitBar, Quantity q, Stops stops) {
        return TestPrograms.program("t", s -> new TestPrograms.Rules() {
            @Override
            public boolean enter(BarView bar) {
                return bar.index() == entryBar;
            }

            @Override
            public boolean exit(BarView bar) {
                return bar.index() == exitBar;
            }
        }, q, stops, false);
    }

    static BacktestConfig noCosts() {
        return BacktestConfig.defaults().withCapital(1_000_000).withCosts(Costs.none()).withWarmup(0);
    }

    @Test
    void marketOrdersFillAtTheNextOpenOrAtTheClose() {
        Bars b = bars("X", Market.GENERIC, bar(10, 11, 9, 10), bar(12, 13, 11, 12), bar(14, 15, 13, 14),
                bar(16, 17, 15, 16));
        var next = Backtester.run(enterAt(0, 1, new Quantity.Units(10), Stops.NONE), List.of(b), noCosts(), null);
        assertThat(next.trades()).singleElement().satisfies(t -> {
            assertThat(t.entryBar()).isEqualTo(1);
            assertThat(t.entryPrice()).isEqualTo(12);
            assertThat(t.exitBar()).isEqualTo(2);
            assertThat(t.exitPrice()).isEqualTo(14);
            assertThat(t.pnl()).isEqualTo(20);
        });
        var close = Backtester.run(enterAt(0, 1, new Quantity.Units(10), Stops.NONE), List.of(b),
                noCosts().withFill(FillMode.CLOSE), null);
        assertThat(close.trades()).singleElement().satisfies(t -> {
            assertThat(t.entryBar()).isEqualTo(0);
            assertThat(t.entryPrice()).isEqualTo(10);
            assertThat(t.exitPrice()).isEqualTo(12);
        });
        assertThat(close.metrics().finalEquity()).isEqualTo(1_000_020);
    }

    @Test
    void aDecisionOnTheLastBarDoesNotFill() {
        Bars b = bars("X", Market.GENERIC, bar(10, 11, 9, 10), bar(12, 13, 11, 12));
        var r = Backtester.run(enterAt(1, 5, new Quantity.Units(1), Stops.NONE), List.of(b), noCosts(), null);
        assertThat(r.trades()).isEmpty();
    }

    @Test
    void stopLossFillsAtTheStopWhenTouchedAndAtTheOpenOnAGap() {
        Stops stop = new Stops(2, Double.NaN, Double.NaN, Long.MAX_VALUE);
        // entry at 100 (bar 1 open); bar 2 touches 98 within its range
        Bars touched = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 99, 100),
                bar(100, 100.5, 97, 99), bar(99, 99, 99, 99));
        var r = Backtester.run(enterAt(0, 99, new Quantity.Units(1), stop), List.of(touched), noCosts(), null);
        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.exitBar()).isEqualTo(2);
            assertThat(t.exitPrice()).isEqualTo(98);
            assertThat(t.exitReason()).isEqualTo("stop_loss 2 %");
        });
        // bar 2 opens at 95, below the stop: filled at the open, not at the stop
        Bars gap = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 99, 100),
                bar(95, 96, 94, 95), bar(95, 95, 95, 95));
        var g = Backtester.run(enterAt(0, 99, new Quantity.Units(1), stop), List.of(gap), noCosts(), null);
        assertThat(g.trades().get(0).exitPrice()).isEqualTo(95);
    }

    @Test
    void takeProfitAndTrailingStop() {
        Stops tp = new Stops(Double.NaN, 4, Double.NaN, Long.MAX_VALUE);
        Bars b = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 99, 100),
                bar(101, 106, 100, 105), bar(105, 105, 105, 105));
        var r = Backtester.run(enterAt(0, 99, new Quantity.Units(1), tp), List.of(b), noCosts(), null);
        assertThat(r.trades().get(0).exitPrice()).isEqualTo(104);
        assertThat(r.trades().get(0).exitReason()).isEqualTo("take_profit 4 %");

        Stops trail = new Stops(Double.NaN, Double.NaN, 5, Long.MAX_VALUE);
        Bars t = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 110, 100, 110),
                bar(110, 120, 109, 119), bar(119, 119, 113, 114), bar(114, 114, 114, 114));
        var s = Backtester.run(enterAt(0, 99, new Quantity.Units(1), trail), List.of(t), noCosts(), null);
        // the peak after bar 2 is 120; the stop 114 is touched on bar 3
        assertThat(s.trades().get(0).exitBar()).isEqualTo(3);
        assertThat(s.trades().get(0).exitPrice()).isCloseTo(114, within(1e-9));
        assertThat(s.trades().get(0).exitReason()).isEqualTo("trailing_stop 5 %");
    }

    @Test
    void timeStopExitsAtTheCloseOnceTheTimeHasPassed() {
        Stops time = new Stops(Double.NaN, Double.NaN, Double.NaN, 2 * MIN);
        Bars b = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 99, 100),
                bar(100, 101, 99, 101), bar(101, 103, 100, 102), bar(102, 102, 102, 102));
        var r = Backtester.run(enterAt(0, 99, new Quantity.Units(1), time), List.of(b), noCosts(), null);
        assertThat(r.trades().get(0).exitBar()).isEqualTo(3);
        assertThat(r.trades().get(0).exitPrice()).isEqualTo(102);
        assertThat(r.trades().get(0).exitReason()).isEqualTo("time_stop 2m");
    }

    @Test
    void krxCostsTickRoundingAndSlippageAreCharged() {
        // 10 shares of a 50,000 KRW stock: tick 100; 1 tick of slippage on both sides
        Bars b = bars("005930", Market.KRX, bar(50_000, 50_000, 50_000, 50_000),
                bar(50_000, 51_000, 49_900, 50_500), bar(51_000, 51_500, 50_800, 51_000),
                bar(51_000, 51_000, 51_000, 51_000));
        var cfg = BacktestConfig.defaults().withCapital(10_000_000).withWarmup(0)
                .withSlippage(Slippage.parse("1tick"));
        var r = Backtester.run(enterAt(0, 1, new Quantity.Units(10), Stops.NONE), List.of(b), cfg, null);
        Trade t = r.trades().get(0);
        assertThat(t.entryPrice()).isEqualTo(50_100);          // bought one tick above the open
        assertThat(t.exitPrice()).isEqualTo(50_900);           // sold one tick below the open
        double buyFee = 501_000 * 0.015 / 100;
        double sellFee = 509_000 * 0.015 / 100 + 509_000 * 0.20 / 100;
        assertThat(t.fees()).isCloseTo(buyFee + sellFee, within(1e-6));
        assertThat(t.pnl()).isCloseTo(8_000 - buyFee - sellFee, within(1e-6));
        assertThat(r.metrics().finalEquity()).isCloseTo(10_000_000 + t.pnl(), within(1e-6));
        assertThat(r.metrics().grossReturn()).isCloseTo(8_000 / 10_000_000.0, within(1e-12));
    }

    @Test
    void binanceChargesTakerOnMarketFillsAndRoundsQuantitiesToTheLotStep() {
        Bars b = bars("BTCUSDT", Market.BINANCE, bar(40_000, 40_000, 40_000, 40_000),
                bar(40_000, 40_100, 39_900, 40_000), bar(41_000, 41_000, 41_000, 41_000),
                bar(41_000, 41_000, 41_000, 41_000));
        var cfg = BacktestConfig.defaults().withCapital(1_000).withWarmup(0)
                .withCosts(new Costs(Double.NaN, Double.NaN, Double.NaN, 0.0001));
        var r = Backtester.run(enterAt(0, 1, new Quantity.PercentOfEquity(50), Stops.NONE), List.of(b), cfg, null);
        Trade t = r.trades().get(0);
        assertThat(t.quantity()).isCloseTo(0.0125, within(1e-12));    // 500 / 40,000, on the 0.0001 grid
        assertThat(t.fees()).isCloseTo((0.0125 * 40_000 + 0.0125 * 41_000) * 0.001, within(1e-9));
        assertThat(Fills.fees(Market.BINANCE, 1_000, true, true)).isEqualTo(1.0);   // maker 0.1 % on a limit
    }

    @Test
    void minimumCommissionApplies() {
        Bars b = bars("X", Market.GENERIC, bar(10, 10, 10, 10), bar(10, 10, 10, 10), bar(10, 10, 10, 10),
                bar(10, 10, 10, 10));
        var cfg = noCosts().withCosts(new Costs(0.1, 5, 0));
        var r = Backtester.run(enterAt(0, 1, new Quantity.Units(1), Stops.NONE), List.of(b), cfg, null);
        assertThat(r.trades().get(0).fees()).isEqualTo(10);
    }

    @Test
    void anEntryAtAHundredPercentOfEquityIsNotRefusedForAnUlpOfCash() {
        // issue 16: --capital 10004, one bar at 1084.1, lot step 0: the re-cut once exceeded cash by one ulp
        Bars b = bars("X", Market.GENERIC, bar(1084.1, 1084.1, 1084.1, 1084.1), bar(1084.1, 1084.1, 1084.1, 1084.1),
                bar(1084.1, 1084.1, 1084.1, 1084.1));
        for (double capital : new double[] {10_004, 10_000, 9_999.97, 12_345.67}) {
            var cfg = BacktestConfig.defaults().withCapital(capital).withWarmup(0);
            var r = Backtester.run(enterAt(0, 1, new Quantity.PercentOfEquity(100), Stops.NONE), List.of(b), cfg,
                    null);
            assertThat(r.trades()).as("capital %s", capital).hasSize(1);
            assertThat(r.trades().get(0).quantity() * r.trades().get(0).entryPrice())
                    .isLessThanOrEqualTo(capital);
        }
    }

    @Test
    void cashNeverGoesNegativeAndEntriesAreCutToWhatCashPays() {
        // the strategy asks for far more than the capital buys; the next open gaps up 50 %
        Bars b = bars("X", Market.KRX, bar(1_000, 1_000, 1_000, 1_000), bar(1_500, 1_500, 1_500, 1_500),
                bar(1_500, 1_500, 1_500, 1_500));
        var cfg = BacktestConfig.defaults().withCapital(100_000).withWarmup(0);
        var r = Backtester.run(enterAt(0, 1, new Quantity.Units(1_000), Stops.NONE), List.of(b), cfg, null);
        Trade t = r.trades().get(0);
        assertThat(t.quantity()).isEqualTo(66);               // 66 × 1,500 + fees ≤ 100,000
        for (int i = 0; i < r.equity().size(); i++) {
            assertThat(r.equity().equity(i)).isPositive();
        }
        assertThat(r.metrics().finalEquity()).isGreaterThan(0);
    }

    @Test
    void maxPositionsLimitsHowManySymbolsAreHeldAndSizedEntriesSplitEquity() {
        Bars a = bars("A", Market.GENERIC, bar(10, 10, 10, 10), bar(10, 10, 10, 10), bar(10, 10, 10, 10));
        Bars b = bars("B", Market.GENERIC, bar(20, 20, 20, 20), bar(20, 20, 20, 20), bar(20, 20, 20, 20));
        Bars c = bars("C", Market.GENERIC, bar(40, 40, 40, 40), bar(40, 40, 40, 40), bar(40, 40, 40, 40));
        var cfg = noCosts().withCapital(1_000).withMaxPositions(2, Double.NaN);
        var r = Backtester.run(enterAt(0, 99, new Quantity.Sized(), Stops.NONE), List.of(a, b, c), cfg, null);
        assertThat(r.trades()).extracting(Trade::symbol).containsExactly("B", "A");   // closed at the end
        assertThat(r.trades()).allSatisfy(t -> assertThat(t.quantity() * t.entryPrice()).isCloseTo(500,
                within(1e-9)));
        assertThat(r.stats().entriesRejectedMaxPositions()).isEqualTo(1);
    }

    @Test
    void limitOrdersFillOnlyWhenTheBarTradesThroughTheLimit() {
        Bars b = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 99, 100),
                bar(100, 101, 97, 98), bar(98, 98, 98, 98));
        var r = Backtester.run(limitBuys(98), List.of(b), noCosts(), null);
        // bar 1 only reached 99; bar 2 traded down to 97, through 98: filled at 98 on bar 2
        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.entryBar()).isEqualTo(2);
            assertThat(t.entryPrice()).isEqualTo(98);
        });
        var touchedOnly = Backtester.run(limitBuys(97), List.of(b), noCosts(), null);
        assertThat(touchedOnly.trades()).isEmpty();         // touching 97 is not trading through it
    }

    /** Places a limit buy at every bar close while flat. */
    private static StrategyProgram limitBuys(double limit) {
        StrategyInfo info = new StrategyInfo("limit", List.of(), null, 0, java.util.Set.of(), false, "t");
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
                        if (!position.isOpen()) {
                            actions.order(new OrderRequest(symbol, OrderRequest.Side.BUY, new Quantity.Units(1),
                                    OrderRequest.OrderType.LIMIT, limit, new AccountChoice.Default(), null, null));
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
}
