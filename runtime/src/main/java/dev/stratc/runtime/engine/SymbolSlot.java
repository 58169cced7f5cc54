package dev.stratc.runtime.engine;

import java.time.Duration;

import dev.stratc.strategy.SymbolStrategy;

/** One symbol of a run: its strategy instance and its bar builder. */
final class SymbolSlot {
    final String symbol;
    final SymbolStrategy strategy;
    final BarBuilder bars;
    /** Bars evaluated before the strategy's orders count (its warmup, as the backtester applies it). */
    final int warmupBars;

    SymbolSlot(String symbol, SymbolStrategy strategy, int warmupBars, Duration timeframe, long utcOffsetMillis) {
        this.symbol = symbol;
        this.strategy = strategy;
        this.warmupBars = warmupBars;
        this.bars = new BarBuilder(symbol, timeframe, utcOffsetMillis);
    }
}
