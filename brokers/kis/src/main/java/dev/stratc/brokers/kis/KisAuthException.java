package dev.stratc.brokers.kis;

/**
 * The token or approval endpoint refused. These endpoints answer with {@code error_code}/{@code error_description},
 * not with the {@code rt_cd} envelope the other endpoints use.
 */
public class KisAuthException extends KisException {

    private final String errorCode;

    public KisAuthException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** {@code EGW00133} (one token a minute), {@code EGW00103} (bad app key), … or {@code null}. */
    public String errorCode() {
        return errorCode;
    }
}
