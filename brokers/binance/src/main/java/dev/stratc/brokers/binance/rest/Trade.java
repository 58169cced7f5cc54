package dev.stratc.brokers.binance.rest;

import java.math.BigDecimal;

/** One of the account's own fills ({@code GET /api/v3/myTrades}). */
public record Trade(
        String symbol,
        long id,
        long orderId,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        BigDecimal commission,
        String commissionAsset,
        long time,
        boolean isBuyer,
        boolean isMaker) {
}
