package dev.stratc.brokers.kis.rest;

/** {@code ORD_DVSN} codes for KRX cash orders (those this adapter sends). */
public enum KisOrderDivision {
    LIMIT("00", true),
    MARKET("01", false),
    CONDITIONAL_LIMIT("02", true),
    BEST_LIMIT("03", false),
    FIRST_LIMIT("04", false),
    IOC_LIMIT("11", true),
    FOK_LIMIT("12", true),
    IOC_MARKET("13", false),
    FOK_MARKET("14", false);

    private final String code;
    private final boolean pricedByCaller;

    KisOrderDivision(String code, boolean pricedByCaller) {
        this.code = code;
        this.pricedByCaller = pricedByCaller;
    }

    public String code() {
        return code;
    }

    /** True when the order carries the caller's price; otherwise {@code ORD_UNPR} is {@code "0"}. */
    public boolean pricedByCaller() {
        return pricedByCaller;
    }
}
