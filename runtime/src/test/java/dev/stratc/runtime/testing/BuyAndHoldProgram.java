package dev.stratc.runtime.testing;

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

/** Buys {@code units} at the first bar it may trade and holds them: a position that lives across midnight. */
public record BuyAndHoldProgram(double units, Duration timeframe) implements StrategyProgram {

    @Override
    public StrategyInfo info() {
        return new StrategyInfo("BuyAndHold", List.of(), timeframe, 1, Set.of(), false, "test");
    }

    @Override
    public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
        return new SymbolStrategy() {
            @Override
            public void onBar(BarView bar, PositionView position, ActionSink actions) {
                if (!position.isOpen() && bar.index() >= 1) {
                    actions.order(new OrderRequest(bar.symbol(), OrderRequest.Side.BUY, new Quantity.Units(units),
                            OrderRequest.OrderType.MARKET, Double.NaN, new AccountChoice.Default(), null, "hold"));
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
}
