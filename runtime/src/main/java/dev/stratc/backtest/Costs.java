package dev.stratc.backtest;

import dev.stratc.data.Market;

/**
 * Overrides of a market's costs and lot size; {@code NaN} keeps the market's default, {@code 0} turns the cost off.
 *
 * @param commissionPercent commission per fill, percent of value (also the maker fee where one exists)
 * @param minimumCommission least commission per fill
 * @param sellTaxPercent    tax on every sell's value (the Korean securities transaction tax)
 * @param lotStep           quantity step (a crypto pair's step size), 0 for any quantity
 * @param fundingPercent    a perpetual's funding rate per 8 hours ({@code --funding-rate}); only on a market that
 *                          has funding ({@link Market#hasFunding()})
 */
public record Costs(double commissionPercent, double minimumCommission, double sellTaxPercent, double lotStep,
                    double fundingPercent) implements java.io.Serializable {

    public Costs(double commissionPercent, double minimumCommission, double sellTaxPercent) {
        this(commissionPercent, minimumCommission, sellTaxPercent, Double.NaN);
    }

    public Costs(double commissionPercent, double minimumCommission, double sellTaxPercent, double lotStep) {
        this(commissionPercent, minimumCommission, sellTaxPercent, lotStep, Double.NaN);
    }

    public static Costs marketDefaults() {
        return new Costs(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    public static Costs none() {
        return new Costs(0, 0, 0, Double.NaN, 0);
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
        if (!Double.isNaN(lotStep)) {
            m = m.withLotStep(lotStep);
        }
        if (!Double.isNaN(fundingPercent) && m.hasFunding()) {
            m = m.withFunding(fundingPercent);
        }
        return m;
    }
}
