package dev.stratc.runtime.broker;

/** Why a broker refused an order; adapters map their error codes onto these. */
public enum RejectReason {
    DUPLICATE_CLIENT_ORDER_ID,
    INSUFFICIENT_FUNDS,
    INSUFFICIENT_POSITION,
    INVALID_ORDER,
    UNKNOWN_SYMBOL,
    MARKET_CLOSED,
    RATE_LIMITED,
    OTHER
}
