package dev.stratc.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.data.Bars;
import dev.stratc.data.CsvBarReader;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.data.UniverseLoader;
import dev.stratc.strategy.ParameterValue;
import dev.stratc.strategy.StrategyProgram;

/**
 * The order examples of language v2 backtested without costs, fills at the next open: examples/turtle.strat and
 * examples/limit-dip.strat on Apple's 2013 daily bars (examples/data/aapl-1d.csv), examples/tick-scalper.strat on
 * the synthetic KRX universe. Every value below was worked out by hand from the CSV rows quoted (date, open, high,
 * low, close); ATR(n) is Wilder's average of the true range, na for n bars and seeded with the n-th bar's true range
 * (the values quoted are rounded to four decimals, hence the tolerances).
 */
class OrderTypesBacktestTest {
    static final Path AAPL = Path.of("..", "examples", "data", "aapl-1d.csv");
    private static final double HAND = 1e-3;

    private static Bars aapl() {
        return CsvBarReader.read(AAPL, ReadOptions.defaults(Market.GENERIC).withSymbol("AAPL")).bars();
    }

    private static StrategyProgram example(String name) throws Exception {
        Path file = Path.of("..", "examples", name);
        CompileResult compiled = StratCompiler.standard().compile(Files.readString(file), file.toString());
        assertThat(compiled.diagnostics()).isEmpty();
        return compiled.program();
    }

    private static List<Trade> onAapl(String name, Map<String, ParameterValue> overrides) throws Exception {
        BacktestConfig config = BacktestConfig.defaults().withCapital(1_000_000).withCosts(Costs.none())
                .withOverrides(overrides);
        return Backtester.run(example(name), List.of(aapl()), config, null).trades();
    }

    private static Trade entered(List<Trade> trades, int bar) {
        return trades.stream().filter(t -> t.entryBar() == bar).findFirst().orElseThrow();
    }

    /**
     * Trade 1, two units. Mar 21 (bar 54): flat, N := ATR(20) = 9.6562; the stop is the 20-day high, 460.97. Mar 22 opens at 454.58 and trades up to 462.10: bought 10 at 460.97. The
     * add's stop is 460.97 + N/2 = 465.7981; Mar 25 opens at 464.69 under it and trades up to 469.95: 10 more at
     * 465.7981. Average 463.3840. The next add, at 470.6262, is never reached (Mar 26's high 465.84, Mar 27's
     * 456.80). The stop is the last entry less 2 N: 465.7981 - 19.3124 = 446.4857; Mar 28 opens at 449.82 and falls
     * to 441.62: sold 20 at 446.4857, a loss of 20 × 16.8983 = 337.97.
     *
     * <p>Trade 2, four units, with gaps. Apr 29 (bar 80): N = 11.2033, stop 438.14. Apr 30 opens at 435.10, trades to
     * 445.25: bought at 438.14. Add stop 438.14 + 5.6017 = 443.7417: May 1 opens at 444.46, above it, so the add
     * fills at the open, 444.46. Next stop 450.0617: May 2's high 448.59 misses it, May 3 opens above it at 451.31:
     * filled at 451.31. Next 456.9117: May 6 opens at 455.71 and trades to 462.20: filled at 456.9117. Four units:
     * pyramiding: 4 takes no more. Average (438.14 + 444.46 + 451.31 + 456.9117) / 4 = 447.7054. Stop 456.9117 -
     * 22.4066 = 434.5051; no close falls under the 10-day low meanwhile; May 15 opens at 439.16 and falls to 422.36:
     * sold 40 at 434.5051.
     */
    @Test
    void turtlePyramidsToFourUnitsAsWorkedOutByHand() throws Exception {
        List<Trade> trades = onAapl("turtle.strat", Map.of());

        Trade first = entered(trades, 55);
        assertThat(first.quantity()).isEqualTo(20);
        assertThat(first.entryPrice()).isCloseTo((460.97 + 465.7981) / 2, within(HAND));
        assertThat(first.exitBar()).isEqualTo(59);
        assertThat(first.exitPrice()).isCloseTo(446.4857, within(HAND));
        assertThat(first.exitReason()).isEqualTo("stop_loss");
        assertThat(first.pnl()).isCloseTo(-337.97, within(0.01));

        Trade second = entered(trades, 81);
        assertThat(second.quantity()).isEqualTo(40);
        assertThat(second.entryPrice()).isCloseTo((438.14 + 444.46 + 451.31 + 456.9117) / 4, within(HAND));
        assertThat(second.exitBar()).isEqualTo(92);
        assertThat(second.exitPrice()).isCloseTo(434.5051, within(HAND));
        assertThat(second.exitReason()).isEqualTo("stop_loss");
        assertThat(trades).allSatisfy(t -> assertThat(t.quantity()).isLessThanOrEqualTo(40));
    }

    /**
     * Trade 1. Feb 11 (bar 27) closes at 479.93 over its 20-day average 473.0140, after Feb 8's 474.98 under
     * 475.0325: the limit is 479.93 - 0.5 × ATR(14) 13.3549 = 473.2525, for 3 bars. Feb 12 opens at 479.51 and trades
     * down to 467.74, through it: bought 10 at 473.2525. The stop is the entry less the latest ATR(14), so it moves
     * with it: 459.8976 on Feb 12, ..., 473.2525 - 12.8298 = 460.4227 on Feb 15, which falls to 459.92: sold at
     * 460.4227.
     *
     * <p>Trade 2. May 20 (bar 95) closes at 442.93 over 438.8015 after 433.26 under 436.5885: limit 442.93 - 0.5 ×
     * 12.2436 = 436.8082. May 21 opens at 438.15, trades down to 434.20: bought at 436.8082; held 5 bars, sold at May
     * 30's open, 445.65.
     *
     * <p>Expiry. Sep 23 (bar 182) bids 484.1436; Sep 24's low 487.82 misses it, Sep 25 trades down to 481.43: filled
     * on the order's second bar. With expire: 1 (-P life=1) that order lapses after Sep 24 and there is no such
     * trade. May 16's bid (bar 93) at 428.4797 lapses unfilled after 3 bars (lows 431.01, 430.10, 434.20).
     */
    @Test
    void limitDipEntersBelowTheCloseAndLapsesAfterThreeBars() throws Exception {
        List<Trade> trades = onAapl("limit-dip.strat", Map.of());

        Trade first = entered(trades, 28);
        assertThat(first.entryPrice()).isCloseTo(473.2525, within(HAND));
        assertThat(first.exitBar()).isEqualTo(31);
        assertThat(first.exitPrice()).isCloseTo(460.4227, within(HAND));
        assertThat(first.exitReason()).isEqualTo("stop_loss");

        Trade second = entered(trades, 96);
        assertThat(second.entryPrice()).isCloseTo(436.8082, within(HAND));
        assertThat(second.exitBar()).isEqualTo(102);
        assertThat(second.exitPrice()).isEqualTo(445.65);
        assertThat(second.pnl()).isCloseTo(10 * (445.65 - 436.8082), within(0.01));

        assertThat(entered(trades, 184).entryPrice()).isCloseTo(484.1436, within(HAND));
        assertThat(trades).noneMatch(t -> t.entryBar() >= 94 && t.entryBar() <= 95);
        List<Trade> oneBar = onAapl("limit-dip.strat", Map.of("life", ParameterValue.number(1)));
        assertThat(oneBar).noneMatch(t -> t.entryBar() == 184);
        assertThat(entered(oneBar, 28).entryPrice()).isCloseTo(473.2525, within(HAND));
    }

    /**
     * The scalper on the synthetic KRX universe (20 symbols, 5 days, seed 1): every stop is three ticks of the KRX
     * table under the entry and every target six over it, filled at that level within the bar (at the open on a gap).
     * By hand: SYN0003 bought at 27,750 (ticks of 50 from 20,000 to 50,000): stop 27,600; SYN0018 at 5,300 (ticks of
     * 10 from 5,000): stop 5,270; SYN0010 at 13,960: target 14,020; SYN0015 at 229,500 (ticks of 500 from 200,000):
     * target 232,500.
     */
    @Test
    void tickScalperStopsThreeTicksUnderTheEntry() throws Exception {
        var universe = UniverseLoader.load("synth:krx?symbols=20&days=5&seed=1", ReadOptions.defaults(Market.GENERIC),
                List.of());
        BacktestConfig config = BacktestConfig.defaults().withCapital(1_000_000).withCosts(Costs.none());
        List<Trade> trades = Backtester.run(example("tick-scalper.strat"), universe.bars(), config, null).trades();

        assertThat(trades).anySatisfy(t -> {
            assertThat(t.symbol()).isEqualTo("SYN0003");
            assertThat(t.entryPrice()).isEqualTo(27_750);
            assertThat(t.exitPrice()).isEqualTo(27_600);
            assertThat(t.exitReason()).isEqualTo("stop_loss");
        });
        assertThat(trades).anySatisfy(t -> {
            assertThat(t.symbol()).isEqualTo("SYN0018");
            assertThat(t.entryPrice()).isEqualTo(5_300);
            assertThat(t.exitPrice()).isEqualTo(5_270);
        });
        assertThat(trades).anySatisfy(t -> {
            assertThat(t.symbol()).isEqualTo("SYN0010");
            assertThat(t.entryPrice()).isEqualTo(13_960);
            assertThat(t.exitPrice()).isEqualTo(14_020);
            assertThat(t.exitReason()).isEqualTo("take_profit");
        });
        assertThat(trades).anySatisfy(t -> {
            assertThat(t.symbol()).isEqualTo("SYN0015");
            assertThat(t.entryPrice()).isEqualTo(229_500);
            assertThat(t.exitPrice()).isEqualTo(232_500);
        });
        for (Trade t : trades) {
            double tick = Market.krxTick(t.entryPrice());
            Bars bars = universe.bars().stream().filter(b -> b.symbol().equals(t.symbol())).findFirst().orElseThrow();
            int exit = t.exitBar();
            switch (t.exitReason()) {
                case "stop_loss" -> {
                    double level = t.entryPrice() - 3 * tick;
                    // the level within the bar, or the open when the bar opened under it
                    assertThat(t.exitPrice()).isEqualTo(Math.min(level, bars.open(exit)));
                    assertThat(bars.low(exit)).isLessThanOrEqualTo(level);
                }
                case "take_profit" -> {
                    double level = t.entryPrice() + 6 * tick;
                    assertThat(t.exitPrice()).isEqualTo(Math.max(level, bars.open(exit)));
                    assertThat(bars.high(exit)).isGreaterThanOrEqualTo(level);
                }
                default -> assertThat(ExitReasons.kind(t.exitReason())).isIn("time_stop", "end_of_data");
            }
        }
    }
}
