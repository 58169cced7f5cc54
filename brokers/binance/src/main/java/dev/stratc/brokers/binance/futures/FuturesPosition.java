package dev.stratc.brokers.binance.futures;

import java.math.BigDecimal;

/**
 * A row of {@code GET /fapi/v3/positionRisk}.
 *
 * @param positionAmt      signed: negative when short
 * @param liquidationPrice 0 when Binance names none (no position, or margin too large to be liquidated)
 * @param maintMargin      what Binance requires to keep the position open
 * @param isolatedWallet   the margin of an isolated position (0 for cross margin)
 */
public record FuturesPosition(String symbol, String positionSide, BigDecimal positionAmt, BigDecimal entryPrice,
        BigDecimal markPrice, BigDecimal unrealizedProfit, BigDecimal liquidationPrice, BigDecimal notional,
        BigDecimal maintMargin, BigDecimal isolatedWallet) {
}
