package dev.stratc.brokers.kiwoom;

/** The request could not be completed on the network: it may or may not have reached Kiwoom. */
public final class KiwoomTransportException extends KiwoomException {
    public KiwoomTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransport() {
        return true;
    }
}
