package dev.stratc.backtest;

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
 * A hand-written SMA(fast)/SMA(slow) cross with a stop loss and take profit, for tests that need a strategy that
 * trades; {@code fast} and {@code slow} can be overridden like compiled parameters.
 */
public final class SmaCrossProgram implements StrategyProgram {
    private final StrategyInfo info;

    public SmaCrossProgram(int fast, int slow, double stopPercent, double takePercent) {
        this.info = new StrategyInfo("SmaCross", List.of(
                new dev.stratc.strategy.ParameterInfo("fast", dev.stratc.strategy.ParameterValue.number(fast),
                        List.of(dev.stratc.strategy.ParameterValue.number(5), dev.stratc.strategy.ParameterValue.number(10))),
                new dev.stratc.strategy.ParameterInfo("slow", dev.stratc.strategy.ParameterValue.number(slow),
                        List.of(dev.stratc.strategy.ParameterValue.number(20), dev.stratc.strategy.ParameterValue.number(40)))),
                null, -1, Set.of(), false, "test");
        this.stops = new Stops(stopPercent, takePercent, Double.NaN, Long.MAX_VALUE);
    }

    private final Stops stops;

    @Override
    public StrategyInfo info() {
        return info;
    }

    @Override
    public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
        int fast = (int) value(settings, "fast");
        int slow = (int) value(settings, "slow");
        return new SymbolStrategy() {
            final double[] window = new double[slow];
            double sumFast;
            double sumSlow;
            double previousDiff = Double.NaN;
            int n;

            @Override
            public void onBar(BarView bar, PositionView position, ActionSink actions) {
                double c = bar.close();
                int k = n % slow;
                sumSlow += c - (n >= slow ? window[k] : 0);
                sumFast += c - (n >= fast ? window[(n - fast) % slow] : 0);
                window[k] = c;
                n++;
                if (n < slow) {
                    return;
                }
                double diff = sumFast / fast - sumSlow / slow;
                if (!position.isOpen() && previousDiff <= 0 && diff > 0) {
                    actions.order(order(symbol, OrderRequest.Side.BUY, new Quantity.Sized()));
                } else if (position.isOpen() && previousDiff >= 0 && diff < 0) {
                    actions.order(order(symbol, OrderRequest.Side.SELL, new Quantity.All()));
                }
                previousDiff = diff;
            }

            @Override
            public Stops stops() {
                return stops;
            }

            @Override
            public int warmupBars() {
                return slow;
            }
        };
    }

    private double value(StrategySettings settings, String name) {
        var v = settings.overrides().get(name);
        if (v != null) {
            return v.number();
        }
        return info.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()
                .defaultValue().number();
    }

    private static OrderRequest order(String symbol, OrderRequest.Side side, Quantity q) {
        return new OrderRequest(symbol, side, q, OrderRequest.OrderType.MARKET, Double.NaN,
                new AccountChoice.Default(), null, "cross");
    }
}
