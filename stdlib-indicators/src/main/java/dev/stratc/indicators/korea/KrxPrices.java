package dev.stratc.indicators.korea;

/**
 * KRX price rules for stocks on KOSPI, KOSDAQ and KONEX: the tick size (호가가격단위) of the unified table in
 * force since 2023-01-25, and the daily price limits (상한가 / 하한가) of the base price (기준가) ±30 %,
 * snapped inward to a valid tick. ETFs and ETNs trade in 5 KRW ticks whatever the price.
 */
public final class KrxPrices {
    private static final double LIMIT = 0.30;
    /** Tolerance for prices computed in floating point that should land exactly on a tick. */
    private static final double EPSILON = 1e-7;

    private KrxPrices() {
    }

    /** The tick size for a stock quoted at {@code price} KRW; na for na, zero or negative prices. */
    public static double tickSize(double price) {
        if (!(price > 0)) {
            return Double.NaN;
        }
        if (price < 2_000) {
            return 1;
        } else if (price < 5_000) {
            return 5;
        } else if (price < 20_000) {
            return 10;
        } else if (price < 50_000) {
            return 50;
        } else if (price < 200_000) {
            return 100;
        } else if (price < 500_000) {
            return 500;
        }
        return 1_000;
    }

    /** 상한가: {@code base} + 30 %, rounded down to its tick. */
    public static double upperLimit(double base) {
        double limit = base * (1 + LIMIT);
        double tick = tickSize(limit);
        return Math.floor(limit / tick + EPSILON) * tick;
    }

    /** 하한가: {@code base} - 30 %, rounded up to its tick. */
    public static double lowerLimit(double base) {
        double limit = base * (1 - LIMIT);
        double tick = tickSize(limit);
        return Math.ceil(limit / tick - EPSILON) * tick;
    }
}
