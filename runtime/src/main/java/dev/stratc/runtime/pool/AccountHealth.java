package dev.stratc.runtime.pool;

public enum AccountHealth {
    HEALTHY,
    /** Errors lately, still used. */
    DEGRADED,
    /** Down or failing: receives no new orders or market data work until it recovers. */
    FAILED
}
