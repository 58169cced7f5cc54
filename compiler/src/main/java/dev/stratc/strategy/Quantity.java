package dev.stratc.strategy;

/** How much to buy or sell, as the strategy said it; the engine turns it into units at the fill price. */
public sealed interface Quantity {

    /** The whole position ({@code quantity: "all"}). */
    record All() implements Quantity {
    }

    /** A number of units (shares, coins). */
    record Units(double units) implements Quantity {
    }

    /** A percent of the open position ({@code sell(quantity: 50%)}). */
    record PercentOfPosition(double percent) implements Quantity {
    }

    /** A percent of the account's equity, in value. */
    record PercentOfEquity(double percent) implements Quantity {
    }

    /** {@code calculate_position_size()}: the run's sizing rule decides. */
    record Sized() implements Quantity {
    }

    /** Risk-based: lose {@code riskPercent} of equity if the price moves {@code stopDistancePercent} against us. */
    record RiskBased(double riskPercent, double stopDistancePercent) implements Quantity {
    }

    /** Fractional Kelly on the given win rate (0..1) and payoff ratio, times {@code fraction}. */
    record Kelly(double fraction, double winRate, double payoffRatio) implements Quantity {
    }
}
