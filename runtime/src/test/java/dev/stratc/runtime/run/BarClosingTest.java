package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.backtest.BacktestConfig;
import dev.stratc.backtest.Backtester;
import dev.stratc.data.Bars;
import dev.stratc.data.Market;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.StrategyInfo;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.SymbolStrategy;

/**
 * A bar closes at its end by the market clock (plus the grace for late trades), not when the symbol trades
 * again: on a feed where one symbol goes quiet for minutes, the run decides on the same bars as a backtest of
 * the same trades, each within the grace of its end.
 */
class BarClosingTest {
    private static final long START = 1_700_000_040_000L - 1_700_000_040_000L % 60_000;
    private static final long STEP = 500;

    @TempDir
    Path stateDir;

    /** One bar as a strategy saw it, and the market time it was decided at. */
    record Seen(String symbol, long end, double open, double high, double low, double close, double volume,
                long decidedAt) {
        Seen content() {
            return new Seen(symbol, end, open, high, low, close, volume, 0);
        }
    }

    @Test
    void aQuietSymbolGetsItsBarsClosedOnTimeAndTheRunDecidesOnTheBacktestsBars() throws Exception {
        // ACTIVE trades twice a second for 30 minutes; QUIET does too, except from minute 10 to 15
        List<MarketEvent> events = new ArrayList<>();
        Map<String, List<MarketEvent.Trade>> bySymbol = new LinkedHashMap<>();
        Random random = new Random(7);
        double[] prices = {100, 50};
        String[] symbols = {"ACTIVE", "QUIET"};
        for (long t = START; t < START + 30 * 60_000; t += STEP) {
            for (int s = 0; s < 2; s++) {
                long minute = (t - START) / 60_000;
                if (s == 1 && minute >= 10 && minute < 15) {
                    continue;
                }
                prices[s] = Math.max(1, prices[s] + random.nextGaussian() * 0.1);
                MarketEvent.Trade trade = new MarketEvent.Trade(symbols[s], t + s, prices[s], 1 + random.nextInt(5));
                events.add(trade);
                bySymbol.computeIfAbsent(symbols[s], k -> new ArrayList<>()).add(trade);
            }
        }
        long lastEvent = events.getLast().time();

        List<Seen> backtest = new ArrayList<>();
        Backtester.run(recording(backtest, new long[1]), minuteBars(bySymbol), BacktestConfig.defaults(), null);

        List<Seen> paper = new ArrayList<>();
        long[] now = {0};
        ReplayDataSet data = new ReplayDataSet("gaps", events);
        try (SimulatedRun run = SimulatedRun.open(Runs.setup(stateDir, recording(paper, now), data, RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM"), new Recorder()))) {
            int[] next = {0};
            run.run(() -> {
                if (next[0] < events.size()) {
                    now[0] = events.get(next[0]++).time();
                }
                return false;
            });
            // the feed ends; the clock goes on (a run on brokers advances it every 100 ms while the market is quiet)
            now[0] = lastEvent + 61_000;
            run.engine().advanceClock(now[0]);
        }

        assertThat(paper.stream().map(Seen::content).toList())
                .as("the same bars, in the same order").containsExactlyElementsOf(backtest.stream()
                        .map(Seen::content).toList());
        long grace = EngineConfig.DEFAULT_BAR_GRACE.toMillis();
        for (Seen seen : paper) {
            assertThat(seen.decidedAt() - seen.end()).as("%s decided on time", seen)
                    .isBetween(0L, Math.max(grace + STEP, now[0] - lastEvent));
        }
        Seen beforeQuiet = paper.stream().filter(s -> s.symbol().equals("QUIET") && s.end() == START + 10 * 60_000)
                .findFirst().orElseThrow();
        assertThat(beforeQuiet.decidedAt()).as("closed at its end, not at the next trade five minutes later")
                .isLessThanOrEqualTo(beforeQuiet.end() + grace + STEP);
    }

    private static List<Bars> minuteBars(Map<String, List<MarketEvent.Trade>> bySymbol) {
        List<Bars> universe = new ArrayList<>();
        bySymbol.forEach((symbol, trades) -> {
            Bars.Builder builder = new Bars.Builder(symbol, Market.GENERIC, Duration.ofMinutes(1), 64);
            long end = Long.MIN_VALUE;
            double o = 0, h = 0, l = 0, c = 0, v = 0;
            for (MarketEvent.Trade trade : trades) {
                long tradeEnd = Math.floorDiv(trade.time(), 60_000) * 60_000 + 60_000;
                if (tradeEnd != end) {
                    if (end != Long.MIN_VALUE) {
                        builder.add(end, o, h, l, c, v);
                    }
                    end = tradeEnd;
                    o = h = l = trade.price();
                    v = 0;
                }
                h = Math.max(h, trade.price());
                l = Math.min(l, trade.price());
                c = trade.price();
                v += trade.size();
            }
            builder.add(end, o, h, l, c, v);
            universe.add(builder.build());
        });
        return universe;
    }

    /** A strategy that only records every bar it is shown, with the market time of the decision. */
    private static StrategyProgram recording(List<Seen> seen, long[] now) {
        StrategyInfo info = new StrategyInfo("Recording", List.of(), Duration.ofMinutes(1), 0, Set.of(), false, "test");
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
                        seen.add(new Seen(bar.symbol(), bar.time(), bar.open(), bar.high(), bar.low(), bar.close(),
                                bar.volume(), now[0]));
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
