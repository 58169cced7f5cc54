package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.BacktestResult;
import dev.stratc.backtest.Backtester;
import dev.stratc.backtest.CostModel;
import dev.stratc.backtest.Costs;
import dev.stratc.backtest.EquityCurve;
import dev.stratc.backtest.Slippage;
import dev.stratc.backtest.Trade;
import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.data.Market;
import dev.stratc.data.ReadOptions;
import dev.stratc.data.UniverseLoader;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.portfolio.Position;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.sim.SimConfig;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;

/**
 * The same compiled strategy on the same bars gives the same trades in a paper run against the simulated
 * exchange as in {@code stratc backtest}: entries and exits at the same bars, prices, quantities and fees, and
 * the same net profit, with KRX's commission, sell tax and a slippage charged on both sides by the one cost model.
 *
 * <p>Conditions that make the two comparable, each a deliberate difference of the paper run: no trading-hours
 * check (the runtime refuses an
 * order decided at the 15:30 close; the backtester fills it at the next open); limits that do not bind (the
 * runtime refuses an entry that breaks one, the backtester shrinks it); and the backtest's closing of open
 * positions at the end of the data is left out (a paper run keeps them).
 */
class PaperBacktestEquivalenceTest {
    private static final int SYMBOLS = 20;
    private static final double CAPITAL = 10_000_000;
    private static final double SIZE_PERCENT = 5;

    @TempDir
    Path stateDir;

    record Fill(String symbol, long time, Side side, double quantity, double price, double fees) {
        /** The fill without its fees, which the two sides add up in a different order (compared to the cent). */
        Fill withoutFees() {
            return new Fill(symbol, time, side, quantity, price, 0);
        }
    }

    @Test
    void momentumStratTradesTheSameInAPaperRunAsInABacktest() throws Exception {
        String source = Files.readString(Path.of("../examples/momentum.strat"), StandardCharsets.UTF_8);
        assertSameTrades(source, "examples/momentum.strat", Path.of("momentum"));
    }

    /**
     * examples/opening-range-breakout.strat: the session's opening range, minutes since the open and a var kept
     * per session, on the exchange's clock (Asia/Seoul), give the same trades in a paper run as in a backtest.
     * Sized in fixed units: the two value the equity at a different point of the same minute.
     */
    @Test
    void openingRangeBreakoutTradesTheSameInAPaperRunAsInABacktest() throws Exception {
        // fixed units: the two value the equity at a different point of the same minute (see the stops test)
        String source = Files.readString(Path.of("../examples/opening-range-breakout.strat"), StandardCharsets.UTF_8)
                .replace("buy(quantity: percent_of_equity(5%))", "buy(quantity: 10)");
        assertThat(source).contains("buy(quantity: 10)");
        List<Trade> trades = assertSameTrades(source, "examples/opening-range-breakout.strat", Path.of("orb"));
        assertThat(trades).extracting(Trade::exitReason).contains("back in the range", "end of session");
    }

    /**
     * The strategy's own record: the quantity of each entry depends on the closed trades so far (their count and
     * win rate), which the paper run keeps from its fills as the backtest keeps them from its trades.
     */
    @Test
    void theStrategysRecordDecidesTheSameInAPaperRunAsInABacktest() throws Exception {
        String source = """
                strategy("Record", timeframe: 1m, warmup: 20) {
                  entry {
                    when (close > sma(close, 20) AND volume > average_volume(20) * 1.5) {
                      buy(quantity: strategy.closed_trades < 3 ? 1 : strategy.win_rate >= 20% ? 3 : 2)
                    }
                  }
                  exit {
                    when (time_since_entry >= 3m) {
                      sell("all")
                    }
                  }
                }
                """;
        List<Trade> trades = assertSameTrades(source, "record.strat", Path.of("record"));
        assertThat(trades).extracting(Trade::quantity).contains(1.0, 2.0, 3.0);
    }

    /**
     * Declarative stops on the simulated exchange fill where the market touched them (at the level within a bar,
     * at the open on a gap), as the backtester fills them, with slippage: same bars, prices and fees. Fixed
     * units, so that no entry depends on the equity of the moment, which the two value at a different point of
     * the same minute.
     */
    @Test
    void declarativeStopsExitAtTheSameBarsAndPricesAsInABacktest() throws Exception {
        String source = """
                strategy("StopsOnly", timeframe: 1m, warmup: 20) {
                  entry {
                    when (close > sma(close, 20) AND volume > average_volume(20) * 1.5) {
                      buy(quantity: 2)
                    }
                  }
                  exit {
                    stop_loss(0.4%)
                    take_profit(0.8%)
                    trailing_stop(0.5%)
                  }
                }
                """;
        List<Trade> trades = assertSameTrades(source, "stops.strat", Path.of("stops"));
        assertThat(trades).extracting(Trade::exitReason).contains("stop_loss 0.4 %", "take_profit 0.8 %",
                "trailing_stop 0.5 %");
    }

    /**
     * Language v2 on the simulated exchange: a var, if/else, a ternary, history of a condition and a value of a
     * higher timeframe built from the same minute bars give the same trades as in a backtest.
     */
    @Test
    void varsBranchesAndHigherTimeframesTradeTheSameInAPaperRunAsInABacktest() throws Exception {
        String source = """
                strategy("LanguageV2", timeframe: 1m, warmup: 30) {
                  var entries = 0
                  entry {
                    if (close > ema(close, 3) @ 15m AND (close > open)[1] AND close > open) {
                      entries := entries + 1
                      buy(quantity: entries > 3 ? 1 : 2)
                    }
                  }
                  exit {
                    if (time_since_entry >= 5m) {
                      sell("all")
                    } else if (close < low[1]) {
                      sell("all")
                    }
                  }
                }
                """;
        List<Trade> trades = assertSameTrades(source, "v2.strat", Path.of("v2"));
        assertThat(trades).extracting(Trade::quantity).contains(1.0, 2.0);
    }

    /**
     * A perpetual (the synthetic bars as {@code binance-usdm}): positions held overnight pay funding at each 8-hour
     * settlement since the symbol's previous bar (three between one day's 06:30 UTC close and the next 00:01 bar),
     * booked on the simulated account as the venue's funding payments and in the backtest by the same
     * {@link dev.stratc.backtest.FundingRule}: the same funding and the same equity. A long pays and a short
     * receives.
     */
    @Test
    void fundingOnAPerpetualIsTheSameInAPaperRunAsInABacktest() throws Exception {
        for (String side : List.of("long", "short")) {
            String open = side.equals("long") ? "buy" : "sell";
            String close = side.equals("long") ? "sell" : "buy";
            String source = """
                    strategy("HoldsOvernight", timeframe: 1m, warmup: 20, allow_short: true) {
                      entry {
                        when (close > sma(close, 20) AND volume > average_volume(20) * 1.5) {
                          %s(quantity: 2)
                        }
                      }
                      exit {
                        when (time_since_entry >= 600m) {
                          %s(quantity: 2)
                        }
                      }
                    }
                    """.formatted(open, close);
            Outcome outcome = run(source, side + ".strat", stateDir.resolve("funding-" + side), true);
            double backtestFunding = outcome.backtest().stats().fundingPaid();
            assertThat(outcome.backtest().stats().hasFunding()).isTrue();
            if (side.equals("long")) {
                assertThat(backtestFunding).as("a long pays at a positive rate").isPositive();
            } else {
                assertThat(backtestFunding).as("a short receives at a positive rate").isNegative();
            }
            assertThat(outcome.paperFunding()).as("funding booked in the paper run (%s)", side)
                    .isCloseTo(-backtestFunding, within(0.01));
            assertThat(outcome.fundingPayments()).as("one payment per position and settlement").isPositive();
            EquityCurve curve = outcome.backtest().equity();
            // the backtest's last point closes what is open at the end of the data; the one before marks it
            assertThat(outcome.paperEquity()).as("equity (%s)", side)
                    .isCloseTo(curve.equity(curve.size() - 2), within(1.0));
        }
    }

    /** The funding records in the run's journal, checked to be one per payment id (booked once). */
    private static long fundingRecords(Path journal) throws java.io.IOException {
        List<String> ids = new ArrayList<>();
        try (var files = Files.walk(journal)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    var record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
                    if (record.path("type").asText().equals("funding")) {
                        ids.add(record.path("id").asText());
                    }
                }
            }
        }
        assertThat(ids).as("each payment journalled once").doesNotHaveDuplicates();
        return ids.size();
    }

    record Outcome(BacktestResult backtest, double paperFunding, long fundingPayments, double paperEquity) {
    }

    private List<Trade> assertSameTrades(String source, String name, Path state) throws Exception {
        return assertSameTradesIn(source, name, this.stateDir.resolve(state));
    }

    /**
     * The fixture itself, for other tests of this package: backtests {@code source} on the synthetic KRX universe,
     * runs it on paper against the simulated exchange in {@code stateDir}, and asserts the same fills, fees and net.
     */
    static List<Trade> assertSameTradesIn(String source, String name, Path stateDir) throws Exception {
        return run(source, name, stateDir, false).backtest().trades();
    }

    /** Runs {@code source} in a backtest and a paper run on the same bars, asserts the same fills and net profit. */
    private static Outcome run(String source, String name, Path stateDir, boolean perpetual) throws Exception {
        CompileResult compiled = StratCompiler.standard().compile(source, name);
        assertThat(compiled.hasErrors()).as(compiled.diagnostics().toString()).isFalse();
        StrategyProgram program = compiled.program();
        var universe = UniverseLoader.load("synth:krx?symbols=" + SYMBOLS + "&days=5&seed=1",
                ReadOptions.defaults(Market.GENERIC), List.of());
        if (perpetual) {
            universe = new UniverseLoader.Loaded(universe.bars().stream()
                    .map(b -> b.withSymbol(b.symbol(), Market.BINANCE_USDM)).toList(), List.of(), "perpetual", true);
        }

        Market market = universe.bars().getFirst().market();
        if (!perpetual) {
            assertThat(market.sellTaxPercent()).as("KRX's sell tax is charged").isPositive();
        }
        Slippage slippage = Slippage.parse("1tick");
        BacktestConfig config = BacktestConfig.defaults().withCapital(CAPITAL).withCosts(Costs.marketDefaults())
                .withSlippage(slippage).withMaxPositions(SYMBOLS, SIZE_PERCENT);
        BacktestResult backtest = Backtester.run(program, universe.bars(), config, null);
        CostModel costs = new CostModel(Costs.marketDefaults().applyTo(market), slippage);
        List<Fill> expected = new ArrayList<>();
        double expectedNet = 0;
        for (Trade trade : backtest.trades()) {
            boolean isShort = trade.side() == Trade.Side.SHORT;
            double entryFees = costs.fees(trade.quantity() * trade.entryPrice(), isShort, false);
            expected.add(new Fill(trade.symbol(), trade.entryTime(), isShort ? Side.SELL : Side.BUY, trade.quantity(),
                    trade.entryPrice(), entryFees));
            if (!trade.exitReason().equals("end_of_data")) {
                expected.add(new Fill(trade.symbol(), trade.exitTime(), isShort ? Side.BUY : Side.SELL,
                        trade.quantity(), trade.exitPrice(), trade.fees() - entryFees));
                expectedNet += trade.pnl();
            } else {
                expectedNet -= entryFees;
            }
        }

        var timeframe = universe.bars().getFirst().timeframe();
        ZoneId zone = universe.bars().getFirst().market().zone();
        RiskLimits limits = new RiskLimits(0, SYMBOLS, 0, 0, 0, 0, 0, false, true, Double.NaN, 0, "CRYPTO",
                SIZE_PERCENT);
        Recorder recorder = new Recorder();
        SimulatedRun.Setup setup = new SimulatedRun.Setup(stateDir, program, StrategySettings.defaults(timeframe, zone),
                EngineConfig.of(program.info().name(), RunMode.PAPER, timeframe, zone, RunState.tag(stateDir), 1),
                ReplayDataSet.fromBars("synthetic KRX", universe.bars()),
                new SimConfig(perpetual ? "USD" : "KRW", CAPITAL, costs, perpetual),
                List.of("SIM"), limits, Set.of(), recorder, 0, false);
        double paperNet = 0;
        double paperFunding;
        double paperEquity;
        long payments;
        try (SimulatedRun run = SimulatedRun.open(setup)) {
            run.run(() -> false);
            for (String symbol : recorder.fills.stream().map(OrderEvent.Fill::symbol).distinct().toList()) {
                Position position = run.engine().portfolio().position("SIM", symbol);
                paperNet += position.realizedPnl();   // net of every fee and tax already
            }
            paperFunding = run.engine().portfolio().fundingTotal("SIM");
            paperEquity = run.engine().portfolio().equity("SIM");
            payments = fundingRecords(stateDir.resolve("journal"));
        }
        // A pyramided position is one trade of the backtest (its entries at their average price, from the first
        // entry's time): the paper run's buys of one position are added up the same way before they are compared.
        List<Fill> actual = new ArrayList<>();
        java.util.Map<String, Integer> opening = new java.util.HashMap<>();
        for (OrderEvent.Fill fill : recorder.fills) {
            Fill now = new Fill(fill.symbol(), fill.time(), fill.side(), fill.quantity(), fill.price(),
                    fill.commission());
            Integer open = opening.get(fill.symbol());
            if (fill.side() == Side.BUY && open != null) {
                Fill before = actual.get(open);
                double quantity = before.quantity() + now.quantity();
                actual.set(open, new Fill(before.symbol(), before.time(), Side.BUY, quantity,
                        (before.price() * before.quantity() + now.price() * now.quantity()) / quantity,
                        before.fees() + now.fees()));
                continue;
            }
            if (fill.side() == Side.BUY) {
                opening.put(fill.symbol(), actual.size());
            } else {
                opening.remove(fill.symbol());
            }
            actual.add(now);
        }
        Comparator<Fill> order = Comparator.comparingLong(Fill::time).thenComparing(Fill::symbol)
                .thenComparing(Fill::side);
        expected.sort(order);
        actual.sort(order);

        assertThat(expected).as("the backtest trades at all").hasSizeGreaterThan(4);
        assertThat(recorder.refusals).isEmpty();
        assertThat(actual.stream().map(Fill::withoutFees).toList())
                .containsExactlyElementsOf(expected.stream().map(Fill::withoutFees).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).fees()).as("fees of %s", actual.get(i)).isCloseTo(expected.get(i).fees(),
                    within(0.01));
        }
        if (!perpetual) {
            assertThat(expected).as("a sell pays the tax").anyMatch(f -> f.side() == Side.SELL
                    && f.fees() > f.quantity() * f.price() * market.sellTaxPercent() / 100);
        }
        assertThat(paperNet).as("net of commission, tax and slippage").isCloseTo(expectedNet, within(1.0));
        return new Outcome(backtest, paperFunding, payments, paperEquity);
    }
}
