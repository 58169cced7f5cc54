package dev.stratc.brokers.kis.rest;

import java.math.BigDecimal;

/**
 * A snapshot quote. From the single-symbol inquiry all fields are filled; the multi-symbol inquiry also gives
 * {@code bid}/{@code ask} and the quantities resting there ({@code ZERO} where KIS gives none).
 *
 * @param basePrice  기준가, what the daily band is computed from
 * @param upperLimit 상한가
 * @param lowerLimit 하한가
 * @param tickSize   호가단위 at the current price ({@code aspr_unit}; 0 when not reported)
 */
public record KisQuote(String symbol, String name, BigDecimal price, BigDecimal open, BigDecimal high,
        BigDecimal low, long volume, BigDecimal basePrice, BigDecimal upperLimit, BigDecimal lowerLimit,
        BigDecimal bid, long bidSize, BigDecimal ask, long askSize, long tickSize) {
}
