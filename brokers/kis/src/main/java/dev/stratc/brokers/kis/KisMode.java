package dev.stratc.brokers.kis;

import java.util.Map;

/** Real trading (실전) or KIS's paper-trading server (모의투자); the two differ in hosts, keys, tr_ids and limits. */
public enum KisMode {
    REAL,
    PAPER;

    /*
     * The official client derives paper tr_ids by replacing a leading T, J or C with V. The one known exception is
     * the US sell order, fixed in open-trading-api commit 885dd4e.
     */
    private static final Map<String, String> PAPER_EXCEPTIONS = Map.of("TTTT1006U", "VTTT1001U");

    /** The tr_id to send in this mode for an operation whose real tr_id is {@code realTrId}. */
    public String trId(String realTrId) {
        if (this == REAL) {
            return realTrId;
        }
        String exception = PAPER_EXCEPTIONS.get(realTrId);
        if (exception != null) {
            return exception;
        }
        char first = realTrId.charAt(0);
        return first == 'T' || first == 'J' || first == 'C' ? 'V' + realTrId.substring(1) : realTrId;
    }

    /** Requests per second KIS allows one app key: 20 real, 2 paper. */
    public double documentedRequestsPerSecond() {
        return this == REAL ? 20 : 2;
    }
}
