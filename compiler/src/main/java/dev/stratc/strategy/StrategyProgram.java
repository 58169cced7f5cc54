package dev.stratc.strategy;

/** A compiled strategy: its description, and a factory of per-symbol evaluators. */
public interface StrategyProgram {

    StrategyInfo info();

    /**
     * A fresh evaluator for one symbol, with its own indicator state and history.
     *
     * @throws IllegalArgumentException when {@code settings} override an unknown parameter or one of another
     *                                  kind; the message names the parameter and both kinds
     */
    SymbolStrategy newInstance(String symbol, StrategySettings settings);
}
