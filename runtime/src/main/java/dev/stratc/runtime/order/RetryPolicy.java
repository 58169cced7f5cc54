package dev.stratc.runtime.order;

import java.time.Duration;

import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.RejectReason;

/**
 * How an order a broker refused is tried again: after {@code first}, then twice as long each time up to
 * {@code cap}, at most {@code maxAttempts} sends in all; then the run gives up on it, says so once and notifies.
 * A refusal for a reason the next attempt cannot change (funds, position, an invalid order or filter, an
 * unknown symbol, a closed market, refused credentials) is not retried at all.
 */
public record RetryPolicy(Duration first, Duration cap, int maxAttempts) {
    /** 1, 2, 4, 8, 16 s: six sends within about half a minute, then a person is told. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 6);

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy: first > 0, cap >= first, at least one attempt");
        }
    }

    /** The wait before the send that follows {@code failedSends} refused ones (1 → first). */
    public long delayMillis(int failedSends) {
        long delay = first.toMillis();
        for (int i = 1; i < failedSends && delay < cap.toMillis(); i++) {
            delay *= 2;
        }
        return Math.min(delay, cap.toMillis());
    }

    /** Whether a broker's refusal may go away by itself (a rate limit, a busy or unreachable server). */
    public static boolean retryable(RejectReason reason) {
        return switch (reason) {
            case RATE_LIMITED, OTHER -> true;
            case INSUFFICIENT_FUNDS, INSUFFICIENT_POSITION, INVALID_ORDER, UNKNOWN_SYMBOL, MARKET_CLOSED,
                 DUPLICATE_CLIENT_ORDER_ID -> false;
        };
    }

    /** Whether a command that failed before it took effect may be sent again later. */
    public static boolean retryable(BrokerException.Kind kind) {
        return switch (kind) {
            case RATE_LIMITED, NOT_CONNECTED, BROKER_ERROR -> true;
            case AUTHENTICATION, OUTCOME_UNKNOWN -> false;
        };
    }
}
