package dev.stratc.brokers.kis;

/**
 * KIS answered with {@code rt_cd != "0"}: a business error. The HTTP status is not reliable (KIS sends 500 for a
 * rate-limit refusal and 200 for some rejections), so the error is recognised by {@code msg_cd}.
 */
public class KisApiException extends KisException {

    private final String operation;
    private final String trId;
    private final String rtCd;
    private final String msgCd;
    private final String msg1;

    public KisApiException(String operation, String trId, String rtCd, String msgCd, String msg1) {
        super(describe(operation, trId, msgCd, msg1));
        this.operation = operation;
        this.trId = trId;
        this.rtCd = rtCd;
        this.msgCd = msgCd;
        this.msg1 = msg1;
    }

    private static String describe(String operation, String trId, String msgCd, String msg1) {
        String hint = KisErrorCatalog.hint(msgCd);
        return operation + " (tr_id " + trId + ") refused by KIS: [" + msgCd + "] " + msg1
                + (hint.isEmpty() ? "" : " — " + hint);
    }

    public String operation() {
        return operation;
    }

    public String trId() {
        return trId;
    }

    public String rtCd() {
        return rtCd;
    }

    /** KIS's 8-character message code, e.g. {@code EGW00201} or {@code APBK0952}. */
    public String msgCd() {
        return msgCd;
    }

    /** KIS's message, trimmed of its padding. */
    public String msg1() {
        return msg1;
    }

    public boolean isRateLimited() {
        return KisErrorCatalog.RATE_LIMITED.equals(msgCd);
    }

    public boolean isTokenRejected() {
        return KisErrorCatalog.EXPIRED_TOKEN.equals(msgCd) || KisErrorCatalog.INVALID_TOKEN.equals(msgCd);
    }
}
