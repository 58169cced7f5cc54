package dev.stratc.brokers.kis;

/** An order, revision or cancellation KIS refused; nothing was placed. */
public class KisOrderRejectedException extends KisApiException {

    public KisOrderRejectedException(String operation, String trId, String rtCd, String msgCd, String msg1) {
        super(operation, trId, rtCd, msgCd, msg1);
    }
}
