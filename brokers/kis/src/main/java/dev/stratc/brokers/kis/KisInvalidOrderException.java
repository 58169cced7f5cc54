package dev.stratc.brokers.kis;

/** An order that the exchange would refuse (outside the daily band, zero quantity, …), stopped before sending. */
public class KisInvalidOrderException extends KisException {

    public KisInvalidOrderException(String message) {
        super(message);
    }
}
