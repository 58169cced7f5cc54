package dev.stratc.bench.backtest;

import java.util.List;
import java.util.Set;

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
 * The benchmark's rules as a hand-written {@link SymbolStrategy}, run by the backtester: it separates what the
 * engine costs per bar (this against {@link HandWrittenSmaCrossRsi}) from what the compiled strategy costs (the
 * compiled one against this).
 */
final class HandWrittenProgram implements StrategyProgram {
    private static final StrategyInfo INFO = new StrategyInfo("HandWritten", List.of(), null, 50, Set.of(), false,
            "");
    private static final Stops STOPS = new Stops(2, 4, Double.NaN, Long.MAX_VALUE);

    @Override
    public StrategyInfo info() {
        return INFO;
    }

    @Override
    public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
        return new SymbolStrategy() {
            final SmaCrossRsiRules rules = new SmaCrossRsiRules();
            final OrderRequest buy = new OrderRequest(symbol, OrderRequest.Side.BUY, new Quantity.Units(1),
                    OrderRequest.OrderType.MARKET, Double.NaN, new AccountChoice.Default(), null, "entry");

            @Override
            public void onBar(BarView bar, PositionView position, ActionSink actions) {
                if (rules.update(bar.index(), bar.close()) && !position.isOpen()) {
                    actions.order(buy);
                }
            }

            @Override
            public Stops stops() {
                return STOPS;
            }

            @Override
            public int warmupBars() {
                return 50;
            }
        };
    }
}
