package dev.stratc.runtime.broker;

/**
 * A funding payment of a perpetual futures position (Binance USDⓈ-M settles funding every 8 hours): money
 * that moves between longs and shorts without a trade. The runtime books it in cash, P&L and the journal once
 * per {@code id}, whether the broker pushes it ({@link BrokerListener#onFunding}) or reconciliation reads it
 * ({@link BrokerPort#funding}).
 *
 * @param id     the venue's identifier of the payment (Binance's income {@code tranId}): the key that books it once
 * @param amount signed, in {@code asset}: positive when the account received funding, negative when it paid
 * @param asset  the asset paid in ({@code USDT}); the account's quote currency comes out of (goes into) cash
 * @param time   when the venue settled it, epoch milliseconds
 */
public record Funding(String id, String symbol, double amount, String asset, long time) {
    public Funding {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a funding payment needs the venue's id");
        }
        asset = asset == null ? "" : asset;
    }
}
