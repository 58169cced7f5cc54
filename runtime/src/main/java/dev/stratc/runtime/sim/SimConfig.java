package dev.stratc.runtime.sim;

/**
 * How the simulated exchange behaves.
 *
 * @param currency       the cash currency
 * @param initialCash    cash each new account starts with
 * @param commissionRate commission as a fraction of traded value (0.00015 = 1.5 bp)
 * @param allowShort     whether an account may sell what it does not hold
 */
public record SimConfig(String currency, double initialCash, double commissionRate, boolean allowShort) {

    public static SimConfig defaults() {
        return new SimConfig("USD", 1_000_000, 0.0, false);
    }
}
