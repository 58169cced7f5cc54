package dev.stratc.backtest;

import dev.stratc.data.Market;

/**
 * Overrides of a market's costs; {@code NaN} keeps the market's default, {@code 0} turns the cost off.
 *
 * @param commissionPercent commission per fill, percent of value (also the maker fee where one exists)
 * @param minimumCommission least commission per fill
 * @param sellTaxPercent    tax on every sell's value (the Korean securities transaction tax)
 */
public record Costs(double commissionPercent, double minimumCommission, double sellTaxPercent) {

    public static Costs marketDefaults() {
        return new Costs(Double.NaN, Double.NaN, Double.NaN);
    }

    public static Costs none() {
        return new Costs(0, 0, 0);
    }

    /** The market with these overrides applied. */
    public Market applyTo(Market market) {
        Market m = market;
        if (!Double.isNaN(commissionPercent) || !Double.isNaN(minimumCommission)) {
            m = m.withCommission(Double.isNaN(commissionPercent) ? m.commissionPercent() : commissionPercent,
                    Double.isNaN(minimumCommission) ? m.minimumCommission() : minimumCommission);
        }
        if (!Double.isNaN(sellTaxPercent)) {
            m = m.withSellTax(sellTaxPercent);
        }
        return m;
    }
}
