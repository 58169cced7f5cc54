package dev.stratc.brokers.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** One candle of {@code GET /api/v3/klines} (a 12-element array), identified by its open time. */
public record Kline(
        long openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        long closeTime,
        BigDecimal quoteVolume,
        long trades,
        BigDecimal takerBuyBaseVolume,
        BigDecimal takerBuyQuoteVolume) {

    public static Kline fromRow(JsonNode row) {
        return new Kline(row.get(0).asLong(), dec(row.get(1)), dec(row.get(2)), dec(row.get(3)), dec(row.get(4)),
                dec(row.get(5)), row.get(6).asLong(), dec(row.get(7)), row.get(8).asLong(), dec(row.get(9)),
                dec(row.get(10)));
    }

    private static BigDecimal dec(JsonNode node) {
        return new BigDecimal(node.asText());
    }
}
