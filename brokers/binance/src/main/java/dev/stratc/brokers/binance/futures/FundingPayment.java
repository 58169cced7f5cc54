package dev.stratc.brokers.binance.futures;

import java.math.BigDecimal;

/**
 * One funding payment of a position: Binance settles funding every 8 hours (00:00, 08:00, 16:00 UTC on most
 * symbols); {@code amount} is signed, negative when the account paid.
 *
 * @param id Binance's {@code tranId}: the key that books a payment once
 */
public record FundingPayment(String symbol, BigDecimal amount, String asset, long time, String id) {
}
