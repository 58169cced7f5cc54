package dev.stratc.brokers.binance.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratc.brokers.binance.rest.JsonDecimals;
import java.math.BigDecimal;

/**
 * An {@code executionReport} of the user data stream: one change of one order.
 *
 * @param executionType  {@code NEW, CANCELED, REPLACED, REJECTED, TRADE, EXPIRED, TRADE_PREVENTION}
 * @param orderStatus    the order's status after this change
 * @param lastQuantity   quantity of this fill ({@code TRADE} only)
 * @param lastPrice      price of this fill
 * @param tradeId        the fill's trade id, -1 when this is no fill
 */
public record ExecutionReport(
        long eventTime,
        String symbol,
        String clientOrderId,
        String originalClientOrderId,
        String side,
        String orderType,
        BigDecimal quantity,
        BigDecimal price,
        String executionType,
        String orderStatus,
        String rejectReason,
        long orderId,
        BigDecimal lastQuantity,
        BigDecimal cumulativeQuantity,
        BigDecimal lastPrice,
        BigDecimal commission,
        String commissionAsset,
        long transactionTime,
        long tradeId,
        boolean maker,
        BigDecimal cumulativeQuote) {

    /** The id we gave the order: a cancel's report carries the cancel's own id in {@code c}, the order's in {@code C}. */
    public String orderClientId() {
        return originalClientOrderId == null || originalClientOrderId.isEmpty() ? clientOrderId : originalClientOrderId;
    }

    public boolean isFill() {
        return executionType.equals("TRADE");
    }

    public static ExecutionReport parse(JsonNode e) {
        return new ExecutionReport(e.path("E").asLong(), e.path("s").asText(), e.path("c").asText(),
                e.path("C").asText(""), e.path("S").asText(), e.path("o").asText(), JsonDecimals.of(e, "q"), JsonDecimals.of(e, "p"),
                e.path("x").asText(), e.path("X").asText(), e.path("r").asText("NONE"), e.path("i").asLong(),
                JsonDecimals.of(e, "l"), JsonDecimals.of(e, "z"), JsonDecimals.of(e, "L"), JsonDecimals.of(e, "n"), e.path("N").isNull() ? null : e.path("N").asText(),
                e.path("T").asLong(), e.path("t").asLong(-1), e.path("m").asBoolean(), JsonDecimals.of(e, "Z"));
    }
}
