package dev.stratc.backtest;

import static dev.stratc.backtest.BacktesterTest.bar;
import static dev.stratc.backtest.BacktesterTest.bars;
import static dev.stratc.backtest.BacktesterTest.noCosts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import dev.stratc.strategy.StrategyProgram;

/**
 * The order types, expiries, cancels, stops at a price and pyramiding of language v2, compiled from .strat source
 * and backtested on hand-made one-minute bars whose every fill can be read off the bars (no costs, next-open fills).
 */
class OrderRulesTest {

    private static StrategyProgram compile(String source) {
        CompileResult compiled = StratCompiler.standard().compile(source, "orders.strat");
        assertThat(compiled.diagnostics()).isEmpty();
        return compiled.program();
    }

    private static BacktestResult run(String source, Bars bars) {
        return Backtester.run(compile(source), List.of(bars), noCosts(), null);
    }

    @Test
    void aStopEntryFillsAtItsStopWithinTheBarAndAtTheOpenOnAGap() {
        String source = """
                strategy("StopEntry", warmup: 0) {
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 1, type: "stop", stop: 105, expire: 5)
                    }
                  }
                  exit {
                    when (bars_since_entry >= 1) {
                      sell("all")
                    }
                  }
                }
                """;
        // bar 1 stays under 105; bar 2 trades up to 106 from an open of 101: bought at the stop, 105
        Bars within = bars("X", Market.GENERIC, bar(100, 101, 99, 100), bar(100, 104, 99, 103), bar(101, 106, 100, 104),
                bar(104, 104, 104, 104), bar(104, 104, 104, 104));
        assertThat(run(source, within).trades()).singleElement().satisfies(t -> {
            assertThat(t.entryBar()).isEqualTo(2);
            assertThat(t.entryPrice()).isEqualTo(105);
        });
        // bar 2 opens at 108, past the stop: bought at the open, worse than the stop
        Bars gap = bars("X", Market.GENERIC, bar(100, 101, 99, 100), bar(100, 104, 99, 103), bar(108, 109, 107, 108),
                bar(108, 108, 108, 108), bar(108, 108, 108, 108));
        assertThat(run(source, gap).trades()).singleElement().satisfies(t -> {
            assertThat(t.entryBar()).isEqualTo(2);
            assertThat(t.entryPrice()).isEqualTo(108);
        });
    }

    @Test
    void aLimitOrderLivesItsExpiryAndThenLapses() {
        String source = """
                strategy("Expiring", warmup: 0) {
                  parameters {
                    life = 3
                  }
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 1, type: "limit", price: 95, expire: life)
                    }
                  }
                  exit {
                    when (bars_since_entry >= 1) {
                      sell("all")
                    }
                  }
                }
                """;
        // bars 1-3 are the order's life; bar 3 trades down to 94, through 95: bought at 95 on bar 3
        Bars third = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 96, 97), bar(97, 98, 96, 97),
                bar(97, 98, 94, 96), bar(96, 96, 96, 96));
        assertThat(run(source, third).trades()).singleElement().satisfies(t -> {
            assertThat(t.entryBar()).isEqualTo(3);
            assertThat(t.entryPrice()).isEqualTo(95);
        });
        // the same dip one bar later, on bar 4: the order lapsed after bar 3, nothing is bought
        Bars fourth = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 96, 97), bar(97, 98, 96, 97),
                bar(97, 98, 96, 97), bar(97, 98, 94, 96), bar(96, 96, 96, 96));
        assertThat(run(source, fourth).trades()).isEmpty();
        // expire: 4 (-P life=4) keeps it for bar 4
        var longer = Backtester.run(compile(source), List.of(fourth), noCosts().withOverrides(java.util.Map.of("life",
                dev.stratc.strategy.ParameterValue.number(4))), null);
        assertThat(longer.trades()).singleElement().satisfies(t -> assertThat(t.entryBar()).isEqualTo(4));
    }

    @Test
    void anExpiryInTimeCountsFromTheDecisionBarsClose() {
        String source = """
                strategy("TimedLife", warmup: 0) {
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 1, type: "limit", price: 95, expire: 2m)
                    }
                  }
                }
                """;
        // one-minute bars ending at 1, 2, 3, 4 minutes: decided at the close of minute 1, the order lives to minute 3
        Bars third = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 99, 100), bar(100, 100, 94, 96),
                bar(96, 96, 96, 96));
        assertThat(run(source, third).trades()).singleElement().satisfies(t -> assertThat(t.entryBar()).isEqualTo(2));
        Bars fourth = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 99, 100), bar(100, 100, 99, 99),
                bar(99, 99, 94, 96), bar(96, 96, 96, 96));
        assertThat(run(source, fourth).trades()).isEmpty();
    }

    @Test
    void cancelRemovesARestingOrderBeforeItFills() {
        String source = """
                strategy("Cancelled", warmup: 0) {
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 1, type: "limit", price: 95, expire: 5, tag: "dip")
                    }
                    when (bar_index == 1) {
                      cancel(tag: "dip")
                    }
                  }
                }
                """;
        Bars dip = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(100, 101, 99, 100), bar(100, 100, 90, 92),
                bar(92, 92, 92, 92));
        assertThat(run(source, dip).trades()).isEmpty();
        assertThat(run(source.replace("cancel(tag: \"dip\")", "cancel(tag: \"other\")"), dip).trades())
                .singleElement().satisfies(t -> assertThat(t.entryPrice()).isEqualTo(95));
    }

    @Test
    void aStopLimitTriggersAtItsStopAndFillsOnlyWithinItsLimit() {
        String source = """
                strategy("StopLimit", warmup: 0) {
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 1, type: "stop_limit", stop: 105, price: 106, expire: 5)
                    }
                  }
                }
                """;
        // bar 1 gaps to 110, past the stop and over the limit: triggered, not filled; bar 2 comes back to 105.5,
        // through the limit 106: filled at the limit
        Bars gap = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(110, 111, 108, 109), bar(108, 108, 105.5, 106),
                bar(106, 106, 106, 106));
        assertThat(run(source, gap).trades()).singleElement().satisfies(t -> {
            assertThat(t.entryBar()).isEqualTo(2);
            assertThat(t.entryPrice()).isEqualTo(106);
        });
        // bar 1 reaches 105 from below: triggered there, within the limit: filled at 105 on bar 1
        Bars reach = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(101, 107, 100, 106), bar(106, 106, 106, 106));
        assertThat(run(source, reach).trades()).singleElement().satisfies(t -> {
            assertThat(t.entryBar()).isEqualTo(1);
            assertThat(t.entryPrice()).isEqualTo(105);
        });
    }

    @Test
    void aSecondBuyInOneEvaluationIsNotDroppedSilently() {
        String source = """
                strategy("TwoBuys", warmup: 0) {
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 1)
                      buy(quantity: 2)
                    }
                  }
                }
                """;
        Bars flat = bars("X", Market.GENERIC, bar(100, 100, 100, 100), bar(101, 101, 101, 101), bar(102, 102, 102, 102));
        BacktestResult result = run(source, flat);
        assertThat(result.trades()).singleElement().satisfies(t -> assertThat(t.quantity()).isEqualTo(1));
        assertThat(result.stats().ordersIgnored()).isEqualTo(1);
        assertThat(result.stats().logs()).anyMatch(line -> line.contains("order not taken")
                && line.contains("already holds 1 entry") && line.contains("pyramiding"));
        // with pyramiding: 2 both are taken, one position of 3 at the same open
        BacktestResult pyramided = run(source.replace("warmup: 0", "warmup: 0, pyramiding: 2"), flat);
        assertThat(pyramided.trades()).singleElement().satisfies(t -> {
            assertThat(t.quantity()).isEqualTo(3);
            assertThat(t.entryPrice()).isEqualTo(101);
        });
    }

    @Test
    void pyramidedEntriesAverageTheirPricesAndStopAtTheLimit() {
        String source = """
                strategy("Adds", warmup: 0, pyramiding: 3) {
                  entry {
                    buy(quantity: 1)
                  }
                  exit {
                    when (position_entries == 3 AND bars_since_last_entry >= 2) {
                      log("first ", first_entry_price, " last ", last_entry_price, " average ", entry_price)
                      sell("all")
                    }
                  }
                }
                """;
        // entries at the opens of bars 1, 2 and 3 (100, 102, 104); no fourth; sold at bar 6's open after bar 5
        Bars rising = bars("X", Market.GENERIC, bar(99, 99, 99, 99), bar(100, 100, 100, 100), bar(102, 102, 102, 102),
                bar(104, 104, 104, 104), bar(106, 106, 106, 106), bar(108, 108, 108, 108), bar(110, 110, 110, 110),
                bar(112, 112, 112, 112));
        BacktestResult result = run(source, rising);
        Trade trade = result.trades().getFirst();
        assertThat(trade.quantity()).isEqualTo(3);
        assertThat(trade.entryPrice()).isEqualTo(102);          // (100 + 102 + 104) / 3
        assertThat(trade.entryBar()).isEqualTo(1);
        assertThat(trade.exitBar()).isEqualTo(6);
        assertThat(trade.exitPrice()).isEqualTo(110);
        assertThat(result.stats().logs()).anyMatch(line -> line.contains("first 100 last 104 average 102"));
    }

    @Test
    void aPercentStopFollowsTheAveragePriceOfAPyramidedPosition() {
        String source = """
                strategy("AddsWithStop", warmup: 0, pyramiding: 2) {
                  entry {
                    buy(quantity: 1)
                  }
                  exit {
                    stop_loss(2%)
                  }
                }
                """;
        // entries at the opens of bars 1 and 2 (100, then 110): the average is 105, the stop 2 % under it 102.9;
        // bar 3 trades down to 102 from an open of 104, so the position is stopped at 102.9 there (a stop still at
        // 98, 2 % under the first entry, would not be touched)
        Bars bars = bars("X", Market.GENERIC, bar(99, 99, 99, 99), bar(100, 100, 100, 100), bar(110, 110, 110, 110),
                bar(104, 104, 102, 103), bar(103, 103, 103, 103));
        Trade trade = run(source, bars).trades().getFirst();
        assertThat(trade.quantity()).isEqualTo(2);
        assertThat(trade.entryPrice()).isEqualTo(105);
        assertThat(trade.exitBar()).isEqualTo(3);
        assertThat(trade.exitPrice()).isCloseTo(102.9, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ExitReasons.kind(trade.exitReason())).isEqualTo("stop_loss");
    }

    @Test
    void aStopAtAPriceIsInForceFromTheEntryBarAndATrailingDistanceFollowsTheBest() {
        String stop = """
                strategy("PriceStop", warmup: 0) {
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 1)
                    }
                  }
                  exit {
                    stop_loss(price: entry_price - 3)
                  }
                }
                """;
        // bought at bar 1's open, 100; the same bar trades down to 96, under 97: stopped out at 97 on bar 1
        Bars drop = bars("X", Market.GENERIC, bar(99, 99, 99, 99), bar(100, 101, 96, 98), bar(98, 98, 98, 98));
        assertThat(run(stop, drop).trades()).singleElement().satisfies(t -> {
            assertThat(t.exitBar()).isEqualTo(1);
            assertThat(t.exitPrice()).isEqualTo(97);
            assertThat(t.exitReason()).isEqualTo("stop_loss");
        });
        String trail = """
                strategy("Trail", warmup: 0) {
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 1)
                    }
                  }
                  exit {
                    trailing_stop(high - low)
                  }
                }
                """;
        // every bar's range is 4, so the trail is 4 under the best price: 96 at bar 1 (bought at 100), 100 at bar 2
        // (best 104), 106 at bar 3 (best 110, bar 2's high), which trades down to 105: out at 106
        Bars run = bars("X", Market.GENERIC, bar(99, 101, 97, 99), bar(100, 104, 100, 103), bar(106, 110, 106, 109),
                bar(109, 109, 105, 106), bar(106, 106, 106, 106));
        assertThat(run(trail, run).trades()).singleElement().satisfies(t -> {
            assertThat(t.exitBar()).isEqualTo(3);
            assertThat(t.exitPrice()).isEqualTo(106);
            assertThat(t.exitReason()).isEqualTo("trailing_stop");
        });
    }

    @Test
    void oncePartialExitHappensOneTimePerPosition() {
        String source = """
                strategy("Once", warmup: 0) {
                  entry {
                    when (bar_index == 0) {
                      buy(quantity: 4)
                    }
                  }
                  exit {
                    when (close > entry_price) {
                      sell(quantity: 50%, once: true)
                    }
                    when (bar_index == 5) {
                      sell("all")
                    }
                  }
                }
                """;
        // in profit from bar 1 on: half is sold once (at bar 2's open), the rest at bar 6's open
        Bars rising = bars("X", Market.GENERIC, bar(99, 99, 99, 99), bar(100, 101, 100, 101), bar(102, 102, 102, 102),
                bar(103, 103, 103, 103), bar(104, 104, 104, 104), bar(105, 105, 105, 105), bar(106, 106, 106, 106));
        List<Trade> trades = run(source, rising).trades();
        assertThat(trades).extracting(Trade::quantity).containsExactly(2.0, 2.0);
        assertThat(trades).extracting(Trade::exitPrice).containsExactly(102.0, 106.0);
    }
}
