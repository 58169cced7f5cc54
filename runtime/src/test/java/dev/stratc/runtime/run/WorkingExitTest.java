package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.OrderReport;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.sim.SimulatedExchange;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.strategy.AccountChoice;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.StrategyInfo;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.SymbolStrategy;

/**
 * A strategy whose exit condition holds on every bar, while its first market exit waits at a venue that fills
 * late (the simulated exchange holding sells, as KRX holds market orders through a volatility interruption): the
 * paper run found against the Kiwoom mock sent a second sell of the whole position while the first worked. Every
 * sell that reaches the venue is counted there.
 */
class WorkingExitTest {
    private static final String SYMBOL = "BTCUSD";
    private static final double UNITS = 2;

    @TempDir
    Path stateDir;

    private final Recorder recorder = new Recorder();
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    @Test
    void anExitSignalledEveryBarWhileTheFirstWorksSendsOneSellAndEndsFlat() throws Exception {
        try (SimulatedRun run = SimulatedRun.open(setup(Duration.ZERO))) {
            SimulatedExchange venue = run.exchange();
            venue.holdFills(order -> order.side() == Side.SELL, 0);
            int[] heldFor = {0};
            run.run(() -> {
                // the exit waits unfilled for five minutes of trading: five bars that each say "exit"
                if (!sells(venue).isEmpty() && ++heldFor[0] == 300) {
                    assertThat(venue.orders("SIM")).filteredOn(o -> o.side() == Side.SELL)
                            .extracting(OrderReport::status).containsExactly(OrderStatus.OPEN);
                    venue.stopHoldingFills();
                }
                return false;
            });

            assertThat(heldFor[0]).as("the exit was held").isGreaterThan(300);
            assertThat(sells(venue)).as("one sell reached the venue, for the whole position")
                    .extracting(s -> s.order().quantity()).containsExactly(UNITS);
            assertFlat(run);
            assertThat(messages).as("the strategy is told once, not every bar")
                    .filteredOn(m -> m.contains("already cover")).hasSize(1);
        }
    }

    @Test
    void aPartlyFilledExitStillCoversWhatItHasLeft() throws Exception {
        try (SimulatedRun run = SimulatedRun.open(setup(Duration.ZERO))) {
            SimulatedExchange venue = run.exchange();
            venue.holdFills(order -> order.side() == Side.SELL, 0.5);
            int[] heldFor = {0};
            double[] heldThen = {Double.NaN};
            run.run(() -> {
                if (!sells(venue).isEmpty() && ++heldFor[0] == 300) {
                    heldThen[0] = run.engine().portfolio().position("SIM", SYMBOL).quantity();
                    venue.stopHoldingFills();
                }
                return false;
            });

            assertThat(heldThen[0]).as("a quarter sold, the rest still working").isEqualTo(UNITS - 0.5);
            assertThat(sells(venue)).as("the remainder was not sold a second time")
                    .extracting(s -> s.order().quantity()).containsExactly(UNITS);
            assertFlat(run);
        }
    }

    @Test
    void anExitRestoredFromTheJournalAfterARestartCountsTheSame() throws Exception {
        try (SimulatedRun run = SimulatedRun.open(setup(Duration.ZERO))) {
            SimulatedExchange venue = run.exchange();
            venue.holdFills(order -> order.side() == Side.SELL, 0);
            int[] heldFor = {0};
            run.run(() -> !sells(venue).isEmpty() && ++heldFor[0] > 90);
            assertThat(sells(venue)).hasSize(1);
        }
        try (SimulatedRun run = SimulatedRun.open(setup(Duration.ZERO))) {
            SimulatedExchange venue = run.exchange();
            // the venue kept the exit working across the restart, and still fills nothing of it for a while
            venue.holdFills(order -> order.side() == Side.SELL, 0);
            int[] events = {0};
            run.run(() -> {
                if (++events[0] == 300) {
                    venue.stopHoldingFills();
                }
                return false;
            });

            assertThat(events[0]).isGreaterThan(300);
            assertThat(sells(venue)).as("no sell sent after the restart: the restored exit covers the holding")
                    .isEmpty();
            assertThat(venue.orders("SIM")).filteredOn(o -> o.side() == Side.SELL)
                    .extracting(OrderReport::quantity, OrderReport::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(UNITS, OrderStatus.FILLED));
            assertFlat(run);
        }
    }

    @Test
    void anExitThatEndedUnfilledLetsTheNextSignalExitAgain() throws Exception {
        // working orders older than three minutes are cancelled by the engine
        try (SimulatedRun run = SimulatedRun.open(setup(Duration.ofMinutes(3)))) {
            SimulatedExchange venue = run.exchange();
            venue.holdFills(order -> order.side() == Side.SELL, 0);
            run.run(() -> {
                if (venue.orders("SIM").stream().anyMatch(o -> o.side() == Side.SELL
                        && o.status() == OrderStatus.CANCELLED)) {
                    venue.stopHoldingFills();
                }
                return false;
            });

            List<OrderReport> sellOrders = venue.orders("SIM").stream().filter(o -> o.side() == Side.SELL).toList();
            assertThat(sellOrders).as("the cancelled exit, then one more that filled")
                    .extracting(OrderReport::status).containsExactly(OrderStatus.CANCELLED, OrderStatus.FILLED);
            assertThat(sells(venue)).extracting(s -> s.order().quantity()).containsExactly(UNITS, UNITS);
            assertFlat(run);
        }
    }

    /**
     * The same for entries: a .strat whose entry holds on every bar while flat (one entry per position, the default),
     * its first buy waiting unfilled at the venue for five bars. The position stays flat until the fill, and the
     * next bars must not send another buy: one buy reaches the venue, as the backtest's pending entry allows one.
     */
    @Test
    void anEntrySignalledEveryBarWhileTheFirstWorksSendsOneBuy() throws Exception {
        var compiled = dev.stratc.compiler.StratCompiler.standard().compile("""
                strategy("EnterEveryBar", timeframe: 1m, warmup: 1) {
                  entry {
                    when (bar_index >= 1) {
                      buy(quantity: 2)
                    }
                  }
                }
                """, "enter-every-bar.strat");
        assertThat(compiled.hasErrors()).as(compiled.diagnostics().toString()).isFalse();
        try (SimulatedRun run = SimulatedRun.open(setup(Duration.ZERO, compiled.program()))) {
            SimulatedExchange venue = run.exchange();
            venue.holdFills(order -> order.side() == Side.BUY, 0);
            int[] heldFor = {0};
            run.run(() -> {
                if (!buys(venue).isEmpty() && ++heldFor[0] == 300) {
                    venue.stopHoldingFills();
                }
                return false;
            });

            assertThat(heldFor[0]).as("the entry was held").isGreaterThan(300);
            assertThat(buys(venue)).as("one buy reached the venue").extracting(s -> s.order().quantity())
                    .containsExactly(UNITS);
            assertThat(run.engine().portfolio().position("SIM", SYMBOL).quantity()).isEqualTo(UNITS);
        }
    }

    private static List<SimulatedExchange.Submission> buys(SimulatedExchange venue) {
        return venue.submissions().stream().filter(s -> s.order().side() == Side.BUY).toList();
    }

    private void assertFlat(SimulatedRun run) {
        assertThat(run.engine().portfolio().position("SIM", SYMBOL).quantity()).as("flat, not short").isZero();
        double bought = run.exchange().orders("SIM").stream().filter(o -> o.side() == Side.BUY)
                .mapToDouble(OrderReport::filledQuantity).sum();
        double sold = run.exchange().orders("SIM").stream().filter(o -> o.side() == Side.SELL)
                .mapToDouble(OrderReport::filledQuantity).sum();
        assertThat(sold).as("the venue sold what it bought").isEqualTo(bought).isEqualTo(UNITS);
    }

    private static List<SimulatedExchange.Submission> sells(SimulatedExchange venue) {
        return venue.submissions().stream().filter(s -> s.order().side() == Side.SELL).toList();
    }

    private SimulatedRun.Setup setup(Duration orderMaxAge) {
        return setup(orderMaxAge, new ExitEveryBar());
    }

    private SimulatedRun.Setup setup(Duration orderMaxAge, StrategyProgram program) {
        RunEvents events = RunEvents.all(recorder, new RunEvents() {
            @Override
            public void strategyMessage(String symbol, long time, String message, boolean notify) {
                messages.add(message);
            }
        });
        SimulatedRun.Setup base = Runs.setup(stateDir, program, steady(), RunMode.PAPER,
                RiskLimits.none("CRYPTO"), List.of("SIM"), events);
        EngineConfig c = base.engine();
        EngineConfig config = new EngineConfig(c.strategyName(), c.mode(), c.timeframe(), c.zone(), c.runTag(),
                c.quantityStep(), c.ackTimeout(), orderMaxAge, c.resendWindow(), c.reconcileEvery(), c.barGrace(),
                c.retry());
        return new SimulatedRun.Setup(base.stateDir(), base.program(), base.settings(), config, base.data(),
                base.sim(), base.accountIds(), base.limits(), base.holidays(), base.events(), base.speed(),
                base.syncToDisk());
    }

    /** Twenty minutes of one trade a second, gently rising. */
    private static ReplayDataSet steady() {
        List<MarketEvent> events = new ArrayList<>();
        long start = 1_700_000_040_000L - 1_700_000_040_000L % 60_000;
        for (int i = 0; i < 20 * 60; i++) {
            events.add(new MarketEvent.Trade(SYMBOL, start + i * 1_000L, 100 + i * 0.01, 1));
        }
        return new ReplayDataSet("steady", events);
    }

    /** Buys {@link #UNITS} once, at bar 1; from bar 3 on says "exit everything" on every bar it holds any. */
    private record ExitEveryBar() implements StrategyProgram {
        @Override
        public StrategyInfo info() {
            return new StrategyInfo("ExitEveryBar", List.of(), Duration.ofMinutes(1), 1, Set.of(), false, "test");
        }

        @Override
        public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
            return new SymbolStrategy() {
                private boolean entered;

                @Override
                public void onBar(BarView bar, PositionView position, ActionSink actions) {
                    if (!entered && bar.index() >= 1) {
                        entered = true;
                        actions.order(order(bar, OrderRequest.Side.BUY, new Quantity.Units(UNITS), "enter"));
                    } else if (position.isOpen() && bar.index() >= 3) {
                        actions.order(order(bar, OrderRequest.Side.SELL, new Quantity.All(), "exit"));
                    }
                }

                @Override
                public Stops stops() {
                    return Stops.NONE;
                }

                @Override
                public int warmupBars() {
                    return 1;
                }
            };
        }

        private static OrderRequest order(BarView bar, OrderRequest.Side side, Quantity quantity, String reason) {
            return new OrderRequest(bar.symbol(), side, quantity, OrderRequest.OrderType.MARKET, Double.NaN,
                    new AccountChoice.Default(), null, reason);
        }
    }
}
