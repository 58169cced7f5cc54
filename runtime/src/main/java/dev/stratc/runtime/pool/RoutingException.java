package dev.stratc.runtime.pool;

/** No account can take an order; the message says which was asked for and why it cannot. */
public final class RoutingException extends RuntimeException {
    public RoutingException(String message) {
        super(message);
    }
}
