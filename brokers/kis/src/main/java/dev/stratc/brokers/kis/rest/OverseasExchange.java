package dev.stratc.brokers.kis.rest;

import java.util.Locale;

/**
 * Overseas venues. KIS names each twice: a 4-letter code for trading and account endpoints ({@code OVRS_EXCG_CD})
 * and a 3-letter one for quotations ({@code EXCD}); mixing them up is a common bug.
 */
public enum OverseasExchange {
    NASDAQ("NASD", "NAS", "TTTT1002U", "TTTT1006U"),
    NYSE("NYSE", "NYS", "TTTT1002U", "TTTT1006U"),
    AMEX("AMEX", "AMS", "TTTT1002U", "TTTT1006U"),
    HONG_KONG("SEHK", "HKS", "TTTS1002U", "TTTS1001U"),
    SHANGHAI("SHAA", "SHS", "TTTS0202U", "TTTS1005U"),
    SHENZHEN("SZAA", "SZS", "TTTS0305U", "TTTS0304U"),
    TOKYO("TKSE", "TSE", "TTTS0308U", "TTTS0307U"),
    HANOI("HASE", "HNX", "TTTS0311U", "TTTS0310U"),
    HO_CHI_MINH("VNSE", "HSX", "TTTS0311U", "TTTS0310U");

    private final String orderCode;
    private final String quoteCode;
    private final String buyTrId;
    private final String sellTrId;

    OverseasExchange(String orderCode, String quoteCode, String buyTrId, String sellTrId) {
        this.orderCode = orderCode;
        this.quoteCode = quoteCode;
        this.buyTrId = buyTrId;
        this.sellTrId = sellTrId;
    }

    /** {@code OVRS_EXCG_CD}, as trading and account endpoints want it. */
    public String orderCode() {
        return orderCode;
    }

    /** {@code EXCD}, as quotation endpoints want it. */
    public String quoteCode() {
        return quoteCode;
    }

    /** Real-mode tr_id of a buy order. */
    public String buyTrId() {
        return buyTrId;
    }

    /** Real-mode tr_id of a sell order. */
    public String sellTrId() {
        return sellTrId;
    }

    /** Accepts either KIS code or the enum name ({@code NASD}, {@code NAS}, {@code nasdaq}). */
    public static OverseasExchange parse(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        for (OverseasExchange exchange : values()) {
            if (exchange.name().equals(wanted) || exchange.orderCode.equals(wanted)
                    || exchange.quoteCode.equals(wanted)) {
                return exchange;
            }
        }
        throw new IllegalArgumentException("unknown overseas exchange '" + text + "'; use NASD, NYSE, AMEX, SEHK,"
                + " SHAA, SZAA, TKSE, HASE or VNSE");
    }
}
