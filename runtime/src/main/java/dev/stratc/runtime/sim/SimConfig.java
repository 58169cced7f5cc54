package dev.stratc.runtime.sim;

import dev.stratc.backtest.CostModel;

/**
 * How the simulated exchange behaves.
 *
 * @param currency    the cash currency
 * @param initialCash cash each new account starts with
 * @param costs       what a fill costs: the same model (commission, sell tax, slippage, tick rounding) as
 *                    {@code stratc backtest} on the same market
 * @param allowShort  whether an account may sell what it does not hold
 */
public record SimConfig(String currency, double initialCash, CostModel costs, boolean allowShort) {

    public static SimConfig defaults() {
        return new SimConfig("USD", 1_000_000, CostModel.free(), false);
    }
}
