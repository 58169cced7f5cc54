package dev.stratc.brokers.kiwoom;

/** Kiwoom refused the credentials or the token (8001–8050, 8103, HTTP 401). */
public final class KiwoomAuthException extends KiwoomException {
    public KiwoomAuthException(String message, int httpStatus, int returnCode, int code) {
        super(message, httpStatus, returnCode, code, null);
    }
}
