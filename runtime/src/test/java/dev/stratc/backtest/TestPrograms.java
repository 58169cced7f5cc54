package dev.stratc.backtest;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

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

/** Small hand-written strategies that drive the engine in tests, the way compiled ones do. */
final class TestPrograms {
    private TestPrograms() {
    }

    /** Decides from the bar alone: {@code entry} and {@code exit} see the bar (and its index). */
    interface Rules {
        boolean enter(BarView bar);

        boolean exit(BarView bar);
    }

    static StrategyProgram program(String name, Function<String, Rules> rulesPerSymbol, Quantity quantity,
                                   Stops stops, boolean allowShort) {
        StrategyInfo info = new StrategyInfo(name, List.of(), null, 0, Set.of(), allowShort, "test");
        return new StrategyProgram() {
            @Override
            public StrategyInfo info() {
                return info;
            }

            @Override
            public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
                Rules rules = rulesPerSymbol.apply(symbol);
                return new SymbolStrategy() {
                    @Override
                    public void onBar(BarView bar, PositionView position, ActionSink actions) {
                        if (!position.isOpen()) {
                            if (rules.enter(bar)) {
                                actions.order(market(symbol, OrderRequest.Side.BUY, quantity));
                            }
                        } else if (rules.exit(bar)) {
                            actions.order(market(symbol, OrderRequest.Side.SELL, new Quantity.All()));
                        }
                    }

                    @Override
                    public Stops stops() {
                        return stops;
                    }

                    @Override
                    public int warmupBars() {
                        return 0;
                    }
                };
            }
        };
    }

    static OrderRequest market(String symbol, OrderRequest.Side side, Quantity q) {
        return new OrderRequest(symbol, side, q, OrderRequest.OrderType.MARKET, Double.NaN,
                new AccountChoice.Default(), null, null);
    }
}
