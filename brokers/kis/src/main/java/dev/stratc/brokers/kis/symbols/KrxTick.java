package dev.stratc.brokers.kis.symbols;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.stratc.indicators.korea.KrxPrices;

/**
 * KRX price units (호가가격단위), unified for KOSPI, KOSDAQ and KONEX since 2023-01-25. ETFs, ETNs and ELWs keep a
 * flat 5 won.
 */
public final class KrxTick {

    /** Whether the security trades in the stock table or in flat 5-won steps. */
    public enum Kind { STOCK, FUND }

    private KrxTick() {
    }

    /** The price unit at {@code price}. */
    public static long tickSize(BigDecimal price, Kind kind) {
        if (kind == Kind.FUND) {
            return 5;
        }
        // One table for the whole project: the indicator library's, which tick_size() in strategies uses.
        return price.signum() > 0 ? (long) KrxPrices.tickSize(price.doubleValue()) : 1;
    }

    public static boolean isOnTick(BigDecimal price, Kind kind) {
        return price.remainder(BigDecimal.valueOf(tickSize(price, kind))).signum() == 0;
    }

    /** The highest valid price at or below {@code price}. */
    public static BigDecimal roundDown(BigDecimal price, Kind kind) {
        BigDecimal tick = BigDecimal.valueOf(tickSize(price, kind));
        return price.divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
    }

    /** The lowest valid price at or above {@code price}; may cross into the next band's larger tick. */
    public static BigDecimal roundUp(BigDecimal price, Kind kind) {
        BigDecimal tick = BigDecimal.valueOf(tickSize(price, kind));
        BigDecimal up = price.divide(tick, 0, RoundingMode.CEILING).multiply(tick);
        return isOnTick(up, kind) ? up : roundUp(up, kind);
    }

    /**
     * Rounds a limit price so it never trades worse than asked: buys round down, sells round up.
     */
    public static BigDecimal roundForOrder(BigDecimal price, boolean buy, Kind kind) {
        return buy ? roundDown(price, kind) : roundUp(price, kind);
    }
}
