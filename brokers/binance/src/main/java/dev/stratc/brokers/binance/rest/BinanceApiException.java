package dev.stratc.brokers.binance.rest;

/**
 * An error answer from Binance, {@code {"code":-2010,"msg":"..."}}, with the HTTP status and the request line
 * (never its signature or key).
 */
public class BinanceApiException extends RuntimeException {
    public static final int FILTER_FAILURE = -1013;
    public static final int TOO_MANY_ORDERS = -1015;
    public static final int INVALID_TIMESTAMP = -1021;
    public static final int INVALID_SIGNATURE = -1022;
    public static final int NEW_ORDER_REJECTED = -2010;
    public static final int CANCEL_REJECTED = -2011;
    public static final int NO_SUCH_ORDER = -2013;

    private final int httpStatus;
    private final int code;
    private final String binanceMessage;

    public BinanceApiException(String request, int httpStatus, int code, String binanceMessage) {
        super(request + " failed: HTTP " + httpStatus + (code != 0 ? ", Binance " + code : "") + ": " + binanceMessage);
        this.httpStatus = httpStatus;
        this.code = code;
        this.binanceMessage = binanceMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public String binanceMessage() {
        return binanceMessage;
    }

    /** 5XX or a backend timeout: the request may or may not have been executed. */
    public boolean outcomeUnknown() {
        return httpStatus >= 500 || code == -1007;
    }
}
