package dev.stratc.runtime.pool;

/**
 * Risk limits of one account from {@code accounts.yaml}, tighter than or equal to the run's; 0 where the
 * account sets none (the run's limit applies).
 */
public record AccountLimits(int maxPositions, double maxExposure) {
    public static final AccountLimits NONE = new AccountLimits(0, 0);
}
