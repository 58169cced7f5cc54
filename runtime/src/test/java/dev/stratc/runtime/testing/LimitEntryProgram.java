package dev.stratc.runtime.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stratc.strategy.AccountChoice;
import dev.stratc.strategy.ActionSink;
import dev.stratc.strategy.BarView;
import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.PositionView;
import dev.stratc.strategy.Quantity;
import dev.stratc.strategy.Signal;
import dev.stratc.strategy.Stops;
import dev.stratc.strategy.StrategyInfo;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;
import dev.stratc.strategy.SymbolStrategy;

/**
 * A pool strategy for the crash test: on every upward cross of the moving averages it bids {@code belowPercent}
 * under the close with a limit order routed by {@code select_best_account()} (so where it goes, and how much it
 * buys of that account's equity, depends on the accounts' working orders and the orders they sent), whether or
 * not a position is open; on a downward cross the largest holder sells everything at market. Optional stops
 * close each account's position.
 */
public record LimitEntryProgram(int fast, int slow, double belowPercent, Quantity quantity, Stops stops,
                                Duration timeframe) implements StrategyProgram {

    @Override
    public StrategyInfo info() {
        return new StrategyInfo("LimitEntry", List.of(), timeframe, slow, Set.of("CROSS_UP"), false, "test");
    }

    @Override
    public SymbolStrategy newInstance(String symbol, StrategySettings settings) {
        return new Instance();
    }

    private final class Instance implements SymbolStrategy {
        private final double[] closes = new double[slow];
        private int count;
        private double previousDifference = Double.NaN;

        @Override
        public void onBar(BarView bar, PositionView position, ActionSink actions) {
            closes[count % slow] = bar.close();
            count++;
            if (count < slow) {
                return;
            }
            double fastSum = 0;
            double slowSum = 0;
            for (int i = 0; i < slow; i++) {
                double close = closes[(count - 1 - i) % slow];
                slowSum += close;
                if (i < fast) {
                    fastSum += close;
                }
            }
            double difference = fastSum / fast - slowSum / slow;
            boolean crossUp = previousDifference <= 0 && difference > 0;
            boolean crossDown = previousDifference >= 0 && difference < 0;
            previousDifference = difference;
            if (crossUp) {
                actions.signal(new Signal("CROSS_UP", bar.symbol(), bar.time(), Map.of("close", bar.close())));
            }
            if (crossUp) {
                double limit = Math.floor(bar.close() * (1 - belowPercent / 100) * 100) / 100;
                actions.order(new OrderRequest(bar.symbol(), OrderRequest.Side.BUY, quantity,
                        OrderRequest.OrderType.LIMIT, limit, new AccountChoice.Best(), null, "bid under the cross"));
            } else if (position.isOpen() && crossDown) {
                actions.order(new OrderRequest(bar.symbol(), OrderRequest.Side.SELL, new Quantity.All(),
                        OrderRequest.OrderType.MARKET, Double.NaN, new AccountChoice.Default(), null, "cross down"));
            }
        }

        @Override
        public Stops stops() {
            return stops;
        }

        @Override
        public int warmupBars() {
            return slow;
        }
    }
}
