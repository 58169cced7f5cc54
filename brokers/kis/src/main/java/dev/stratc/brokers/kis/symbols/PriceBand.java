package dev.stratc.brokers.kis.symbols;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One symbol's daily price limits (상한가/하한가, ±30 % of the base price snapped to the tick), as KIS reports them
 * in the current-price inquiry ({@code stck_mxpr}, {@code stck_llam}). Orders outside the band are refused by the
 * exchange, so they are refused here before sending.
 *
 * @param tradingDate the KST date the band applies to
 * @param kind        which tick table the symbol uses
 */
public record PriceBand(String symbol, LocalDate tradingDate, BigDecimal lower, BigDecimal upper,
        BigDecimal base, KrxTick.Kind kind) {

    public boolean contains(BigDecimal price) {
        return price.compareTo(lower) >= 0 && price.compareTo(upper) <= 0;
    }
}
