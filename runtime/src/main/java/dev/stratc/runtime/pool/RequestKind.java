package dev.stratc.runtime.pool;

/** What an account's rate limits are asked to allow. */
public enum RequestKind {
    /** A new order (or a replace). */
    ORDER,
    /** A cancel. */
    CANCEL,
    /** A query: open orders, positions, balances, one order. */
    QUERY,
    /** One multi-symbol quote request. */
    QUOTES
}
