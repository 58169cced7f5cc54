package dev.stratc.runtime.broker;

/**
 * A command could not be carried out. {@link Kind#OUTCOME_UNKNOWN} means the command may or may not have
 * reached the broker (a timeout after sending): the runtime then asks {@link BrokerPort#order} before doing
 * anything else with that order. Messages never contain credentials.
 */
public final class BrokerException extends RuntimeException {
    private final Kind kind;

    public BrokerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public BrokerException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public enum Kind {
        /** Not started, or the session is down; nothing was sent. */
        NOT_CONNECTED,
        /** The broker's rate limit refused the request; nothing was done. Retry later. */
        RATE_LIMITED,
        /** Credentials were refused. */
        AUTHENTICATION,
        /** The request was sent but no answer came: it may have taken effect. */
        OUTCOME_UNKNOWN,
        /** The broker answered with an error that is not about one order. */
        BROKER_ERROR
    }
}
