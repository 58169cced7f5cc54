package dev.stratc.brokers.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An order as Binance reports it: the answer to placing (RESULT/FULL), cancelling or querying one.
 *
 * @param status {@code NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH}
 * @param fills  the immediate fills of a FULL answer to a new order; empty otherwise
 */
public record OrderState(
        String symbol,
        long orderId,
        String clientOrderId,
        String status,
        String type,
        String side,
        BigDecimal price,
        BigDecimal origQty,
        BigDecimal executedQty,
        BigDecimal cummulativeQuoteQty,
        long updateTime,
        List<Fill> fills) {

    public record Fill(BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset, long tradeId) {
    }

    public static OrderState parse(JsonNode o) {
        List<Fill> fills = new ArrayList<>();
        for (JsonNode f : o.path("fills")) {
            fills.add(new Fill(JsonDecimals.of(f, "price"), JsonDecimals.of(f, "qty"), JsonDecimals.of(f, "commission"), f.path("commissionAsset").asText(),
                    f.path("tradeId").asLong()));
        }
        // a cancel answer names the order in origClientOrderId; clientOrderId is then the cancel's own id
        String clientId = o.hasNonNull("origClientOrderId") ? o.get("origClientOrderId").asText()
                : o.path("clientOrderId").asText();
        long time = o.has("updateTime") ? o.get("updateTime").asLong() : o.path("transactTime").asLong();
        return new OrderState(o.path("symbol").asText(), o.path("orderId").asLong(), clientId,
                o.path("status").asText("NEW"), o.path("type").asText(), o.path("side").asText(), JsonDecimals.of(o, "price"),
                JsonDecimals.of(o, "origQty"), JsonDecimals.of(o, "executedQty"), JsonDecimals.of(o, "cummulativeQuoteQty"), time, List.copyOf(fills));
    }
}
