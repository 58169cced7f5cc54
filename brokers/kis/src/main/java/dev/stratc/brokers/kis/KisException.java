package dev.stratc.brokers.kis;

/** Anything that went wrong talking to KIS; the message names the account or operation and what to do. */
public class KisException extends RuntimeException {

    public KisException(String message) {
        super(message);
    }

    public KisException(String message, Throwable cause) {
        super(message, cause);
    }
}
