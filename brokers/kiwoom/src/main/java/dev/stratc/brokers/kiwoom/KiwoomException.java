package dev.stratc.brokers.kiwoom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kiwoom refused a request or could not be reached. Kiwoom answers most refusals with HTTP 200 and a
 * {@code return_code} other than 0; the detailed code is often only inside the message's brackets
 * ({@code "…[1700:허용된 API 요청 개수를 초과하였습니다. 유량=1]"}), so both are kept. Messages never carry secrets.
 */
public class KiwoomException extends RuntimeException {

    private static final Pattern BRACKET_CODE = Pattern.compile("\\[(\\d{4})\\s*:");
    /** The codes after which the official client issues a new token (and so do we, once). */
    private static final java.util.Set<Integer> TOKEN_CODES = java.util.Set.of(8003, 8005, 8031, 8103);

    private final int httpStatus;
    private final int returnCode;
    private final int code;

    public KiwoomException(String message) {
        this(message, 0, 0, 0, null);
    }

    public KiwoomException(String message, Throwable cause) {
        this(message, 0, 0, 0, cause);
    }

    public KiwoomException(String message, int httpStatus, int returnCode, int code, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.returnCode = returnCode;
        this.code = code;
    }

    /** The four-digit code in {@code [NNNN:...]} of a return message, else {@code returnCode} itself, else 0. */
    public static int detailCode(int returnCode, String message) {
        Matcher m = BRACKET_CODE.matcher(message == null ? "" : message);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        return returnCode >= 1000 ? returnCode : 0;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int returnCode() {
        return returnCode;
    }

    /** The detailed code (1700, 8005, ...), 0 when Kiwoom gave none. */
    public int code() {
        return code;
    }

    /** The request-count limit ({@code 1700}, or HTTP 429): nothing was done, retrying later is safe. */
    public boolean isRateLimited() {
        return code == 1700 || httpStatus == 429;
    }

    /** The token was refused as expired or invalid: a new one may help (once). */
    public boolean isTokenRejected() {
        return TOKEN_CODES.contains(code) || httpStatus == 401;
    }

    /** Transport failure after the request may have left: its outcome is unknown. */
    public boolean isTransport() {
        return false;
    }
}
