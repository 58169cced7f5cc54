/**
 * What a compiled .strat file is to the engines that run it: the backtester, the live runtime and the
 * optimiser all drive a strategy through these types and nothing else. Generated code implements
 * {@link dev.stratc.strategy.SymbolStrategy}; the compiler wraps it in a {@link dev.stratc.strategy.StrategyProgram}.
 *
 * <p>Conventions: prices and quantities are {@code double}; {@code NaN} stands for "none" or {@code na};
 * times are epoch milliseconds (UTC); percents are in percent units (3.0 means 3 %).
 */
package dev.stratc.strategy;
