package dev.stratc.bench.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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

/** Orders at every bar close (buy when flat, sell when long): every measured bar close produces an intent. */
final class FlipProgram implements StrategyProgram {
    @Override
    public StrategyInfo info() {
        return new StrategyInfo("Flip", List.of(), Duration.ofMinutes(1), 0, Set.of(), false, "bench");
    }

    @Override
    public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
        return new SymbolStrategy() {
            @Override
            public void onBar(BarView bar, PositionView position, ActionSink actions) {
                actions.order(new OrderRequest(bar.symbol(), position.isOpen() ? OrderRequest.Side.SELL
                        : OrderRequest.Side.BUY, position.isOpen() ? new Quantity.All() : new Quantity.Units(10),
                        OrderRequest.OrderType.MARKET, Double.NaN, new AccountChoice.Default(), null, "flip"));
            }

            @Override
            public Stops stops() {
                return new Stops(5, 5, Double.NaN, Long.MAX_VALUE);
            }

            @Override
            public int warmupBars() {
                return 0;
            }
        };
    }
}
