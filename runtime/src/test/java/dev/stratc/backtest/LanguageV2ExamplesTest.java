package dev.stratc.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;

import dev.stratc.backtest.report.PlotSeries;
import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.data.Bars;
import dev.stratc.data.CsvBarReader;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.data.UniverseLoader;
import dev.stratc.strategy.StrategyProgram;

/**
 * The language-v2 examples of issue 16 backtested without costs, fills at the next open, their trades worked out
 * by hand from the bars quoted in the comments: the opening-range breakout on the synthetic KRX universe
 * (1-minute bars, Asia/Seoul), Kelly sizing from the strategy's own record on Apple's 2013 daily bars, and MACD
 * with a daily EMA filter on Bitstamp's 5-minute bars (the crossings checked against ta4j).
 */
class LanguageV2ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static StrategyProgram example(String name) throws Exception {
        Path file = EXAMPLES.resolve(name);
        CompileResult compiled = StratCompiler.standard().compile(Files.readString(file), file.toString());
        assertThat(compiled.diagnostics()).isEmpty();
        return compiled.program();
    }

    private static BacktestResult run(StrategyProgram program, List<Bars> universe, double capital,
                                      List<String> log) {
        BacktestConfig config = BacktestConfig.defaults().withCapital(capital).withCosts(Costs.none());
        return Backtester.run(program, universe, config, null, new BacktestOutputs(true, log::add));
    }

    private static Trade trade(List<Trade> trades, String symbol, int entryBar) {
        return trades.stream().filter(t -> t.symbol().equals(symbol) && t.entryBar() == entryBar).findFirst()
                .orElseThrow(() -> new AssertionError("no trade of " + symbol + " entered at bar " + entryBar));
    }

    /**
     * SYN0009 on Monday 2026-01-05: the bars ending 09:01 … 09:30 (the first 30 minutes) range from 3,705 to
     * 3,770. The 09:31 and 09:32 bars close at 3,765 and 3,770, not above; the 09:33 bar closes at 3,780: bought
     * at the 09:34 open, 3,780, for 5 % of the 10,000,000 equity (no position open yet): 500,000 / 3,780 =
     * 132.28, 132 shares. No close falls under 3,705; the bar ending 15:20 is 380 minutes after the 09:00 open:
     * sold at the 15:21 open, 3,980. Profit (3,980 − 3,780) × 132 = 26,400.
     *
     * <p>SYN0011 the same day: range 15,060 to 15,330; the 10:08 close 15,330 is not above it, the 10:09 close
     * 15,340 is: bought at the 10:10 open 15,340, 32 shares (5 % of an equity of about 10 million, three positions
     * open: 32.6). The 10:33 close 15,070 is still in the range, the 10:34 close 15,020 is under 15,060: sold at
     * the 10:35 open, 15,020, a loss of 320 × 32 = 10,240. One entry a session: SYN0011 does not buy again on
     * the 5th though later closes go back above 15,330.
     */
    @Test
    void openingRangeBreakoutTradesAsWorkedOutByHand() throws Exception {
        List<Bars> universe = UniverseLoader.load("synth:krx?symbols=20&days=5&seed=1",
                ReadOptions.defaults(Market.GENERIC), List.of()).bars();
        BacktestResult result = run(example("opening-range-breakout.strat"), universe, 10_000_000, new ArrayList<>());
        List<Trade> trades = result.trades();

        Trade syn9 = trade(trades, "SYN0009", 33);
        assertThat(syn9.entryPrice()).isEqualTo(3780.0);
        assertThat(syn9.quantity()).isEqualTo(132.0);
        assertThat(syn9.exitBar()).isEqualTo(380);
        assertThat(syn9.exitPrice()).isEqualTo(3980.0);
        assertThat(syn9.exitReason()).isEqualTo("end of session");
        assertThat(syn9.pnl()).isCloseTo(26_400, within(1e-6));

        Trade syn11 = trade(trades, "SYN0011", 69);
        assertThat(syn11.entryPrice()).isEqualTo(15340.0);
        assertThat(syn11.quantity()).isEqualTo(32.0);
        assertThat(syn11.exitBar()).isEqualTo(94);
        assertThat(syn11.exitPrice()).isEqualTo(15020.0);
        assertThat(syn11.exitReason()).isEqualTo("back in the range");
        assertThat(syn11.pnl()).isCloseTo(-10_240, within(1e-6));
        long sameDay = trades.stream().filter(t -> t.symbol().equals("SYN0011") && t.entryBar() < 390).count();
        assertThat(sameDay).as("one entry per session").isEqualTo(1);

        // the chart's series: the range's high is na until the bar ending 09:30, then 3,770 for the day
        List<PlotSeries> plots = result.plots().get("SYN0009");
        PlotSeries high = plots.stream().filter(p -> p.name().equals("range high")).findFirst().orElseThrow();
        assertThat(high.overlay()).isTrue();
        assertThat(high.values()[28]).isNaN();
        assertThat(high.values()[29]).isEqualTo(3770.0);
        assertThat(high.values()[200]).isEqualTo(3770.0);
        assertThat(high.values()).hasSize(universe.stream().filter(b -> b.symbol().equals("SYN0009")).findFirst()
                .orElseThrow().size());
    }

    /**
     * examples/kelly-sizing.strat (5/15-day moving averages). Its first five trades, each 10 % of the equity,
     * close with −698.23, −612.96, −120.58, −365.83 and +1,881.00: win rate 1/5 = 20 %, average win 1,881.00,
     * average loss (698.23 + 612.96 + 120.58 + 365.83) / 4 = 449.40, payoff 4.1856. The next crossing, on
     * 2013-09-10 (close 494.64), is sized by half Kelly: 0.5 × (0.2 − 0.8 / 4.1856) = 0.5 × 0.00887 = 0.443 % of
     * the equity, 100,000 + 83.41 = 100,083.41: 0.8972 shares, bought at the next open, 467.01. After the sixth
     * trade (+1.34) the win rate is 2/6, payoff (1,882.34 / 2) / 449.40 = 2.0943, and the seventh is sized from
     * those.
     */
    @Test
    void kellySizingReadsTheStrategysOwnRecord() throws Exception {
        Bars aapl = CsvBarReader.read(EXAMPLES.resolve("data/aapl-1d.csv"),
                ReadOptions.defaults(Market.GENERIC).withSymbol("AAPL")).bars();
        List<String> log = new ArrayList<>();
        List<Trade> trades = run(example("kelly-sizing.strat"), List.of(aapl), 100_000, log).trades();

        assertThat(trades).hasSizeGreaterThan(7);
        double equity = 100_000;
        for (int k = 0; k < 5; k++) {
            Trade t = trades.get(k);
            assertThat(t.quantity()).as("trade %d: 10 %% of the equity", k + 1)
                    .isCloseTo(equity * 0.10 / aapl.close(t.entryBar() - 1), within(1e-9));
            equity += t.pnl();
        }
        assertThat(trades.subList(0, 5)).extracting(t -> Math.round(t.pnl() * 100) / 100.0)
                .containsExactly(-698.23, -612.96, -120.58, -365.83, 1881.0);
        for (int k = 5; k < 7; k++) {
            List<Trade> closed = trades.subList(0, k);
            double won = closed.stream().filter(t -> t.pnl() > 0).mapToDouble(Trade::pnl).sum();
            long wins = closed.stream().filter(t -> t.pnl() > 0).count();
            double lost = -closed.stream().filter(t -> t.pnl() < 0).mapToDouble(Trade::pnl).sum();
            long losses = closed.stream().filter(t -> t.pnl() < 0).count();
            double winRate = (double) wins / k;
            double payoff = (won / wins) / (lost / losses);
            double fraction = 0.5 * (winRate - (1 - winRate) / payoff);
            Trade t = trades.get(k);
            assertThat(t.quantity()).as("trade %d: half Kelly", k + 1)
                    .isCloseTo(equity * fraction / aapl.close(t.entryBar() - 1), within(1e-9));
            equity += t.pnl();
        }
        Trade sixth = trades.get(5);
        assertThat(sixth.entryBar()).isEqualTo(174);
        assertThat(sixth.entryPrice()).isEqualTo(467.01);
        assertThat(sixth.quantity()).isCloseTo(0.8972, within(1e-4));
        assertThat(log.getFirst()).isEqualTo("2013-09-11T00:00:00Z AAPL: kelly: win rate 20%, payoff 4.1856");
    }

    /**
     * examples/macd-daily-filter.strat on Bitstamp's 5-minute BTC/USD bars. Each entry is decided at the bar
     * before it: there ta4j's MACD(12, 26) line is above its 9-bar EMA and was not one bar earlier, and the close
     * is above the 3-day EMA of the daily closes (UTC days built from the same bars) of the last completed day.
     * Checked for the first two trades: entered 2013-11-30 00:50 at 1,140.95 and 01:55 at 1,147.85.
     */
    @Test
    void macdWithADailyFilterEntersWhereTa4jSaysTheLinesCross() throws Exception {
        Bars btc = CsvBarReader.read(EXAMPLES.resolve("data/btcusd-bitstamp-5m.csv"),
                ReadOptions.defaults(Market.GENERIC).withSymbol("BTCUSD")).bars();
        List<Trade> trades = run(example("macd-daily-filter.strat"), List.of(btc), 100_000, new ArrayList<>())
                .trades();
        assertThat(trades).hasSizeGreaterThan(2);

        BarSeries minutes = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < btc.size(); i++) {
            minutes.barBuilder().timePeriod(Duration.ofMinutes(5)).endTime(Instant.ofEpochMilli(btc.time(i)))
                    .openPrice(btc.open(i)).highPrice(btc.high(i)).lowPrice(btc.low(i)).closePrice(btc.close(i))
                    .volume(btc.volume(i)).add();
        }
        MACDIndicator macd = new MACDIndicator(new ClosePriceIndicator(minutes), 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        // daily closes: the last close of each UTC day; a bar belongs to the day its end falls in (00:00 to the day before)
        List<Double> dailyCloses = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < btc.size(); i++) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(btc.time(i) - 1), ZoneOffset.UTC);
            if (days.isEmpty() || !days.getLast().equals(day)) {
                days.add(day);
                dailyCloses.add(btc.close(i));
            } else {
                dailyCloses.set(dailyCloses.size() - 1, btc.close(i));
            }
        }
        BarSeries daily = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int d = 0; d < days.size(); d++) {
            double c = dailyCloses.get(d);
            daily.barBuilder().timePeriod(Duration.ofDays(1))
                    .endTime(days.get(d).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                    .openPrice(c).highPrice(c).lowPrice(c).closePrice(c).volume(1).add();
        }
        EMAIndicator dailyEma = new EMAIndicator(new ClosePriceIndicator(daily), 3);

        assertThat(Instant.ofEpochMilli(trades.get(0).entryTime())).isEqualTo(Instant.parse("2013-11-30T00:50:00Z"));
        assertThat(trades.get(0).entryPrice()).isEqualTo(1140.95);
        assertThat(Instant.ofEpochMilli(trades.get(1).entryTime())).isEqualTo(Instant.parse("2013-11-30T01:55:00Z"));
        assertThat(trades.get(1).entryPrice()).isEqualTo(1147.85);
        for (Trade t : trades.subList(0, 2)) {
            int decided = t.entryBar() - 1;
            assertThat(macd.getValue(decided).doubleValue()).isGreaterThan(signal.getValue(decided).doubleValue());
            assertThat(macd.getValue(decided - 1).doubleValue())
                    .isLessThanOrEqualTo(signal.getValue(decided - 1).doubleValue());
            LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(btc.time(decided) - 1), ZoneOffset.UTC);
            int lastCompleted = days.indexOf(today) - 1;
            assertThat(btc.close(decided)).isGreaterThan(dailyEma.getValue(lastCompleted).doubleValue());
            assertThat(btc.open(t.entryBar())).isEqualTo(t.entryPrice());
        }
    }
}
