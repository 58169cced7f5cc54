package dev.stratc.brokers.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Binance sends prices and quantities as decimal strings; a missing, null or empty one reads as zero. */
public final class JsonDecimals {
    private JsonDecimals() {
    }

    public static BigDecimal of(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }
}
