package dev.stratc.runtime.sim;

import dev.stratc.backtest.CostModel;
import dev.stratc.backtest.FundingRule;

/**
 * How the simulated exchange behaves.
 *
 * @param currency    the cash currency
 * @param initialCash cash each new account starts with
 * @param costs       what a fill costs: the same model (commission, sell tax, slippage, tick rounding) as
 *                    {@code stratc backtest} on the same market
 * @param allowShort  whether an account may sell what it does not hold
 * @param funding     a perpetual's funding at each 8-hour settlement, the rule {@code stratc backtest} charges
 *                    ({@link FundingRule#NONE} on other markets)
 */
public record SimConfig(String currency, double initialCash, CostModel costs, boolean allowShort,
                        FundingRule funding) {

    public SimConfig {
        funding = funding == null ? FundingRule.NONE : funding;
    }

    /** A venue charging the funding of the cost model's market (none unless it is a perpetual). */
    public SimConfig(String currency, double initialCash, CostModel costs, boolean allowShort) {
        this(currency, initialCash, costs, allowShort, FundingRule.of(costs.market()));
    }

    public static SimConfig defaults() {
        return new SimConfig("USD", 1_000_000, CostModel.free(), false);
    }
}
