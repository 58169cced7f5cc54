package dev.stratc.brokers.binance.filters;

/**
 * An order that cannot satisfy the symbol's rules even after rounding; refused before it is sent. The message
 * names the symbol, the filter and the numbers, e.g.
 * {@code BTCUSDT BUY LIMIT refused: NOTIONAL: 0.4 × 30000 = 12000 is above maxNotional 10000}.
 */
public final class FilterViolation extends RuntimeException {
    private final String filterType;

    public FilterViolation(String filterType, String message) {
        super(message);
        this.filterType = filterType;
    }

    public String filterType() {
        return filterType;
    }
}
