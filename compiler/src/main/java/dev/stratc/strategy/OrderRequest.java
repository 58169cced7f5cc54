package dev.stratc.strategy;

/**
 * An order a strategy asks for ({@code buy(...)}, {@code sell(...)}).
 *
 * @param symbol     the symbol evaluated
 * @param side       buy or sell
 * @param quantity   how much, as the strategy said it
 * @param type       market or limit
 * @param limitPrice the limit price, {@code NaN} for market orders
 * @param account    which account of the pool should carry it
 * @param tag        the {@code tag:} argument, or {@code null}
 * @param reason     where the decision came from, for reports and the journal ({@code "exit when at 47:5"})
 */
public record OrderRequest(
        String symbol,
        Side side,
        Quantity quantity,
        OrderType type,
        double limitPrice,
        AccountChoice account,
        String tag,
        String reason) {

    public enum Side { BUY, SELL }

    public enum OrderType { MARKET, LIMIT }
}
