package dev.stratc.brokers.binance.rest;

import java.math.BigDecimal;

/** The best bid and ask of a symbol ({@code /api/v3/ticker/bookTicker}, or the {@code @bookTicker} stream). */
public record BookTicker(String symbol, BigDecimal bidPrice, BigDecimal bidQty, BigDecimal askPrice, BigDecimal askQty) {
}
