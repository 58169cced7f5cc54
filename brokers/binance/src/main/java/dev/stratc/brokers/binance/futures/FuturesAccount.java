package dev.stratc.brokers.binance.futures;

import java.math.BigDecimal;

/**
 * The account's USDⓈ-M totals ({@code GET /fapi/v3/account}). Binance's margin ratio is the maintenance margin
 * over the margin balance: at 100 % the account is liquidated.
 */
public record FuturesAccount(BigDecimal walletBalance, BigDecimal marginBalance, BigDecimal maintMargin,
        BigDecimal availableBalance) {

    /** Maintenance margin / margin balance, 0 without positions. */
    public double marginRatio() {
        return marginBalance.signum() <= 0 ? (maintMargin.signum() > 0 ? Double.POSITIVE_INFINITY : 0)
                : maintMargin.doubleValue() / marginBalance.doubleValue();
    }
}
