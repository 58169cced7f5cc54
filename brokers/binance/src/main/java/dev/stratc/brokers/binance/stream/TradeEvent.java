package dev.stratc.brokers.binance.stream;

import java.math.BigDecimal;

/** A {@code <symbol>@trade} event. */
public record TradeEvent(String symbol, long tradeId, BigDecimal price, BigDecimal quantity, long tradeTime,
        boolean buyerIsMaker) {
}
