package dev.stratc.brokers.binance.futures;

import java.math.BigDecimal;

/**
 * A row of {@code GET /fapi/v3/positionRisk}.
 *
 * @param positionAmt signed: negative when short
 */
public record FuturesPosition(String symbol, String positionSide, BigDecimal positionAmt, BigDecimal entryPrice,
        BigDecimal markPrice, BigDecimal unrealizedProfit, BigDecimal liquidationPrice, BigDecimal notional) {
}
