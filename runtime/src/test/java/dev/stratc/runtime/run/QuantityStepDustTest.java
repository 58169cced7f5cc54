package dev.stratc.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.testing.CryptoAccounts;
import dev.stratc.runtime.testing.Recorder;
import dev.stratc.runtime.testing.Runs;
import dev.stratc.strategy.AccountChoice;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.StrategyInfo;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.SymbolStrategy;

/**
 * A close whose remainder is below the engine's quantity step: the strategy asks to sell everything on every bar,
 * but what the buy's fee in the coin left over a whole step can never be sold. It becomes dust once, as a
 * remainder the exchange refuses does, instead of a "comes to no units" on every bar.
 */
class QuantityStepDustTest {
    private static final ReplayDataSet DATA = Runs.sample(6_000);
    private static final double STEP = 0.001;

    @TempDir
    Path stateDir;

    @Test
    void aRemainderBelowTheQuantityStepIsDustReportedOnceNotAnExitOnEveryBar() throws Exception {
        List<String> strategyMessages = new ArrayList<>();
        Recorder recorder = new Recorder();
        RunEvents messages = new RunEvents() {
            @Override
            public void strategyMessage(String symbol, long time, String message, boolean notify) {
                strategyMessages.add(message);
            }
        };
        SimulatedRun.Setup crypto = CryptoAccounts.setup(stateDir, new BuyOnceThenSellAllEveryBar(), DATA,
                RiskLimits.none("CRYPTO"), List.of("BN"), RunEvents.all(recorder, messages));
        EngineConfig c = crypto.engine();
        EngineConfig coarse = new EngineConfig(c.strategyName(), c.mode(), c.timeframe(), c.zone(), c.runTag(), STEP,
                c.ackTimeout(), c.orderMaxAge(), c.resendWindow(), c.reconcileEvery(), c.barGrace(), c.retry());
        SimulatedRun.Setup setup = new SimulatedRun.Setup(crypto.stateDir(), crypto.program(), crypto.settings(),
                coarse, crypto.data(), crypto.sim(), crypto.accountIds(), crypto.limits(), crypto.holidays(),
                crypto.events(), crypto.speed(), crypto.syncToDisk());
        try (SimulatedRun run = CryptoAccounts.open(setup, 0, Set.of())) {
            assertThat(run.run(() -> false)).isTrue();
            Portfolio portfolio = run.engine().portfolio();

            // bought 0.01, the 0.05 % fee in the coin left 0.009995; the exit sold the 0.009 the step allows
            assertThat(recorder.sent).as("refusals %s, messages %s", recorder.refusals, strategyMessages)
                    .extracting(i -> i.side()).containsExactly(Side.BUY, Side.SELL);
            assertThat(recorder.sent.get(1).quantity()).isCloseTo(0.009, within(1e-12));
            double left = 0.01 - 0.01 * 0.0005 - 0.009;
            assertThat(portfolio.position("BN", "BTCUSD").quantity()).isZero();
            assertThat(portfolio.dust("BN", "BTCUSD")).isCloseTo(left, within(1e-12));
            assertThat(recorder.warnings).filteredOn(w -> w.contains("kept as dust")).singleElement()
                    .asString().contains("BTCUSD", "quantity step of 0.001");
            assertThat(strategyMessages).noneMatch(m -> m.contains("no units"));
            double venue = run.exchange().broker("BN").positions().stream()
                    .filter(p -> p.symbol().equals("BTCUSD")).mapToDouble(BrokerPosition::quantity).sum();
            assertThat(portfolio.dust("BN", "BTCUSD")).isCloseTo(venue, within(1e-12));
        }
        // journalled, so a restart moves the same remainder to dust at the same point
        assertThat(Journal.readAll(stateDir).records()).filteredOn(r -> r.path("type").asText().equals("dust"))
                .singleElement().satisfies(r -> assertThat(r.path("moved").asBoolean()).isTrue());
    }

    /** Buys 0.01 at the third bar; from then on asks to sell everything at every bar while it holds any. */
    private record BuyOnceThenSellAllEveryBar() implements StrategyProgram {
        @Override
        public StrategyInfo info() {
            return new StrategyInfo("SellAllEveryBar", List.of(), Duration.ofMinutes(1), 1, Set.of(), false, "test");
        }

        @Override
        public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
            return new SymbolStrategy() {
                private int bars;

                @Override
                public void onBar(BarView bar, PositionView position, ActionSink actions) {
                    bars++;
                    if (bars == 3) { // past the warm-up
                        actions.order(new OrderRequest(bar.symbol(), OrderRequest.Side.BUY, new Quantity.Units(0.01),
                                OrderRequest.OrderType.MARKET, Double.NaN, new AccountChoice.Default(), null, "buy"));
                    } else if (bars > 3 && position.isOpen()) {
                        actions.order(new OrderRequest(bar.symbol(), OrderRequest.Side.SELL, new Quantity.All(),
                                OrderRequest.OrderType.MARKET, Double.NaN, new AccountChoice.Default(), null,
                                "sell all"));
                    }
                }

                @Override
                public dev.stratc.strategy.Stops stops() {
                    return dev.stratc.strategy.Stops.NONE;
                }

                @Override
                public int warmupBars() {
                    return 1;
                }
            };
        }
    }
}
