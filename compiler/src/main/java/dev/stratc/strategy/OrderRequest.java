package dev.stratc.strategy;

/**
 * An order a strategy asks for ({@code buy(...)}, {@code sell(...)}).
 *
 * @param symbol     the symbol evaluated
 * @param side       buy or sell
 * @param quantity   how much, as the strategy said it
 * @param type       market, limit, stop or stop-limit
 * @param limitPrice the limit price (limit and stop-limit orders), {@code NaN} otherwise
 * @param stopPrice  the trigger price (stop and stop-limit orders), {@code NaN} otherwise
 * @param expiry     how long a limit or stop order rests before it lapses unfilled; {@code null} when the strategy
 *                   gave no {@code expire:} (a backtest lapses it after one bar; a run sends a plain limit order to
 *                   the venue, where it rests)
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
        double stopPrice,
        Expiry expiry,
        AccountChoice account,
        String tag,
        String reason) {

    /** A market or limit order without an expiry, as before stop orders and expiries existed. */
    public OrderRequest(String symbol, Side side, Quantity quantity, OrderType type, double limitPrice,
                        AccountChoice account, String tag, String reason) {
        this(symbol, side, quantity, type, limitPrice, Double.NaN, null, account, tag, reason);
    }

    public enum Side { BUY, SELL }

    public enum OrderType {
        MARKET, LIMIT, STOP, STOP_LIMIT;

        /** Whether the order waits for a price (limit, stop, stop-limit) rather than filling at the next one. */
        public boolean rests() {
            return this != MARKET;
        }
    }

    /**
     * How long a resting order lives: {@code bars} bars after the one it was decided on ({@code expire: 3}),
     * or until {@code millis} after the decision ({@code expire: 30m}), or to the end of the exchange's trading day
     * ({@code expire: "day"}). Exactly one of the three is set.
     */
    public record Expiry(int bars, long millis, boolean day) {
        public static final Expiry ONE_BAR = new Expiry(1, 0, false);

        public static Expiry ofBars(int bars) {
            return new Expiry(Math.max(1, bars), 0, false);
        }

        public static Expiry ofMillis(long millis) {
            return new Expiry(0, Math.max(1, millis), false);
        }

        public static Expiry endOfDay() {
            return new Expiry(0, 0, true);
        }
    }
}
