package dev.stratc.brokers.binance.stream;

import dev.stratc.brokers.binance.rest.Balance;
import java.util.List;

/** Receives one account's user data, each event at most once. */
public interface UserDataListener {
    void onExecutionReport(ExecutionReport report);

    /** {@code outboundAccountPosition}: the assets that changed, with their new free and locked amounts. */
    default void onBalances(List<Balance> changed) {
    }

    /**
     * Subscribed again after a time without a subscription: events of that span were not seen, so open orders
     * and recent trades must be read from REST.
     */
    default void onResubscribed(long lostAtMillis, long resumedAtMillis) {
    }

    /** The subscription was refused for a reason retrying will not cure (bad key, signature); it is not retried. */
    default void onError(String message) {
    }

    /** The subscription was refused by the rate limit (429, or 418 for a banned IP); it is retried after the wait. */
    default void onRateLimited(String message) {
    }
}
