package dev.stratc.brokers.kis.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of the daily orders/executions inquiry ({@code output1}). */
public record KisExecution(LocalDate date, String orderNo, String originalOrderNo, Side side, String symbol,
        long orderQuantity, BigDecimal orderPrice, long filledQuantity, BigDecimal averageFillPrice,
        long remainingQuantity, boolean cancelled, String orderTime) {

    public enum Side { BUY, SELL }
}
