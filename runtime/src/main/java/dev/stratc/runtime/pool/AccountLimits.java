package dev.stratc.runtime.pool;

/**
 * Risk limits of one account from {@code accounts.yaml}, tighter than or equal to the run's; 0 where the
 * account sets none (the run's limit applies).
 *
 * @param maxMarginRatio a margin account's highest margin ratio (0..1, maintenance margin over margin balance)
 *                       at which entries are still sent; at or above it only exits go. 0 for none.
 */
public record AccountLimits(int maxPositions, double maxExposure, double maxMarginRatio) {
    public static final AccountLimits NONE = new AccountLimits(0, 0, 0);

    public AccountLimits(int maxPositions, double maxExposure) {
        this(maxPositions, maxExposure, 0);
    }
}
