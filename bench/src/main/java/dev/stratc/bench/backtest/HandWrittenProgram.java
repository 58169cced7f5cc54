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
            final double[] closes = new double[50];
            final OrderRequest buy = new OrderRequest(symbol, OrderRequest.Side.BUY, new Quantity.Units(1),
                    OrderRequest.OrderType.MARKET, Double.NaN, new AccountChoice.Default(), null, "entry");
            double sumFast;
            double sumSlow;
            double avgGain;
            double avgLoss;
            double previousClose;
            int lastSign;

            @Override
            public void onBar(BarView bar, PositionView position, ActionSink actions) {
                int i = bar.index();
                double c = bar.close();
                int slot = i % 50;
                sumSlow += c - (i >= 50 ? closes[slot] : 0);
                sumFast += c - (i >= 10 ? closes[(i - 10) % 50] : 0);
                closes[slot] = c;
                if (slot == 49) {
                    sumSlow = 0;
                    sumFast = 0;
                    for (int k = 0; k < 50; k++) {
                        sumSlow += closes[k];
                    }
                    for (int k = 40; k < 50; k++) {
                        sumFast += closes[k];
                    }
                }
                double rsi = Double.NaN;
                if (i > 0) {
                    double change = c - previousClose;
                    double gain = Math.max(change, 0);
                    double loss = Math.max(-change, 0);
                    if (i <= 14) {
                        avgGain += gain / 14;
                        avgLoss += loss / 14;
                    } else {
                        avgGain = (avgGain * 13 + gain) / 14;
                        avgLoss = (avgLoss * 13 + loss) / 14;
                    }
                    if (i >= 14) {
                        rsi = avgLoss == 0 ? 100 : 100 - 100 / (1 + avgGain / avgLoss);
                    }
                }
                previousClose = c;
                double fast = sumFast / Math.min(i + 1, 10);
                double slow = sumSlow / Math.min(i + 1, 50);
                int sign = fast > slow ? 1 : fast < slow ? -1 : 0;
                boolean crossedUp = i >= 50 && sign > 0 && lastSign < 0;
                if (sign != 0) {
                    lastSign = sign;
                }
                if (!position.isOpen() && crossedUp && rsi < 70) {
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
