package dev.stratc.brokers.kis.rest;

import java.math.BigDecimal;

/** One line of the balance inquiry's {@code output1}. Sold-out lines stay with quantity 0 until settlement. */
public record KisHolding(String symbol, String name, long quantity, long orderableQuantity, BigDecimal averagePrice,
        BigDecimal currentPrice, BigDecimal evaluation, BigDecimal profitLoss) {
}
