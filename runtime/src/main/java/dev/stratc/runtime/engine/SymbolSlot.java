package dev.stratc.runtime.engine;

import java.time.Duration;

import dev.stratc.strategy.SymbolStrategy;

/** One symbol of a run: its strategy instance and its bar builder. */
final class SymbolSlot {
    final String symbol;
    final SymbolStrategy strategy;
    final BarBuilder bars;

    SymbolSlot(String symbol, SymbolStrategy strategy, Duration timeframe, long utcOffsetMillis) {
        this.symbol = symbol;
        this.strategy = strategy;
        this.bars = new BarBuilder(symbol, timeframe, utcOffsetMillis);
    }
}
