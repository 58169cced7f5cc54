package dev.stratc.runtime.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Positions, cash and P&L of every account of a run, from the fills the runtime applied, and what the accounts
 * hold that the strategy does not trade ({@link Holding}s). The engine thread owns it.
 *
 * <p>Figures of an account are in its quote currency ({@link #currency}): cash is that currency's free
 * balance, every position and holding is marked at its last price in it. Two equities are kept apart:
 * <ul>
 *   <li>{@link #equity} — cash plus every position and holding: what the account is worth;</li>
 *   <li>{@link #tradingEquity} — cash plus the strategy's positions and its dust: what the strategy trades
 *       with. Sizing and today's P&L use it, so the price moves of holdings the strategy does not own neither
 *       inflate its orders nor throw its kill switch.</li>
 * </ul>
 * A price that is not known (NaN) counts as nothing: it never turns a figure into NaN.
 *
 * <p>The book is incremental: each account keeps the count, the summed value and the summed absolute value of
 * its open positions, updated by every fill, adjustment, disposal and mark, so that sizing, the risk check and
 * today's P&L cost O(1) in the number of positions (plus the holdings outside the strategy and the dust, which
 * are few), not a walk over the book for every order. {@code PortfolioIncrementalTest} checks the running
 * figures against a recomputation from the positions after random sequences of fills, marks and closes; the
 * sums are also recomputed exactly every {@value #RESUM_EVERY} updates, so rounding cannot drift over a long run.
 */
public final class Portfolio {
    /** Updates of an account's running sums after which they are recomputed from its positions. */
    static final int RESUM_EVERY = 1 << 16;

    /** One account's positions and the running figures of the open ones. */
    private static final class Book {
        final Map<String, Position> positions = new LinkedHashMap<>();
        /** Open positions (quantity not 0). */
        int open;
        /** Open positions whose symbol has not had a market price yet ({@link #marketPriced}). */
        int unmarked;
        /** Σ value of the open positions (signed). */
        double value;
        /** Σ |value| of the open positions. */
        double gross;
        int updates;
    }

    private final Map<String, Book> byAccount = new LinkedHashMap<>();
    private final Map<String, Double> cash = new LinkedHashMap<>();
    private final Map<String, String> currencies = new HashMap<>();
    private final Map<String, Double> lastPrices = new HashMap<>();
    private final Map<String, Double> dayStartEquity = new HashMap<>();
    private final Map<String, Map<String, Double>> outside = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> dust = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> feesInOtherAssets = new LinkedHashMap<>();
    private final java.util.Set<String> marked = new java.util.HashSet<>();
    private final Map<String, Map<String, Double>> funding = new LinkedHashMap<>();

    public void setCash(String account, double amount) {
        cash.put(account, amount);
        dayStartEquity.putIfAbsent(account, tradingEquity(account));
    }

    public double cash(String account) {
        return cash.getOrDefault(account, 0.0);
    }

    /** The quote currency of an account's figures ({@code KRW}, {@code USDT}); empty when not known. */
    public String currency(String account) {
        return currencies.getOrDefault(account, "");
    }

    public void setCurrency(String account, String currency) {
        currencies.put(account, currency == null ? "" : currency);
    }

    public Position position(String account, String symbol) {
        return book(account).positions.computeIfAbsent(symbol, s -> new Position(account, symbol));
    }

    private Book book(String account) {
        Book book = byAccount.get(account);
        if (book == null) {
            book = new Book();
            byAccount.put(account, book);
        }
        return book;
    }

    /**
     * Brings an account's running figures up to date after {@code position} changed from value {@code was}
     * (open or not: {@code wasOpen}).
     */
    private void changed(Book book, Position position, double was, boolean wasOpen) {
        boolean open = position.quantity() != 0;
        if (open != wasOpen) {
            int step = open ? 1 : -1;
            book.open += step;
            if (!marked.contains(position.symbol())) {
                book.unmarked += step;
            }
        }
        if (book.open == 0) {
            book.value = 0;   // exact: every closed position is worth 0
            book.gross = 0;
        } else {
            double now = position.value();
            book.value += now - was;
            book.gross += Math.abs(now) - Math.abs(was);
        }
        if (++book.updates >= RESUM_EVERY) {
            resum(book);
        }
    }

    private static void resum(Book book) {
        double value = 0;
        double gross = 0;
        for (Position position : book.positions.values()) {
            value += position.value();
            gross += Math.abs(position.value());
        }
        book.value = value;
        book.gross = gross;
        book.updates = 0;
    }

    /** Applies a fill whose commission was paid from cash. */
    public void fill(String account, String symbol, double signedQuantity, double price, double commission,
                     long time, int barIndex) {
        fill(account, symbol, signedQuantity, price, commission, 0, time, barIndex);
    }

    /**
     * Applies a fill to the account's books.
     *
     * @param signedQuantity what traded, signed (positive bought)
     * @param cashCommission commission and tax paid from cash
     * @param assetCommission commission taken from the traded asset itself (Binance's fee in the base asset):
     *                        the holding changes by that much less, and its value at the fill price counts
     *                        as a cost
     */
    public void fill(String account, String symbol, double signedQuantity, double price, double cashCommission,
                     double assetCommission, long time, int barIndex) {
        Book book = book(account);
        Position position = position(account, symbol);
        double was = position.value();
        boolean wasOpen = position.quantity() != 0;
        position.apply(signedQuantity - assetCommission, price, cashCommission + assetCommission * price, time,
                barIndex);
        changed(book, position, was, wasOpen);
        cash.merge(account, -signedQuantity * price - cashCommission, Double::sum);
        lastPrices.put(symbol, price);
    }

    /**
     * Books a funding payment of a futures position: {@code amount} (signed, positive received) moves cash, and
     * so equity and today's P&L, without a trade; the position is unchanged.
     */
    public void funding(String account, String symbol, double amount) {
        cash.merge(account, amount, Double::sum);
        funding.computeIfAbsent(account, a -> new TreeMap<>()).merge(symbol, amount, Double::sum);
    }

    /** The funding booked on an account so far, signed (negative: paid); 0 on markets without funding. */
    public double fundingTotal(String account) {
        return funding.getOrDefault(account, Map.of()).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The funding booked per symbol of an account, signed. */
    public Map<String, Double> fundingBySymbol(String account) {
        return Map.copyOf(funding.getOrDefault(account, Map.of()));
    }

    /** Counts a commission paid in an asset that is neither cash nor the traded one (Binance's BNB). */
    public void feeInOtherAsset(String account, String asset, double amount) {
        feesInOtherAssets.computeIfAbsent(account, a -> new TreeMap<>()).merge(asset, amount, Double::sum);
    }

    /** Commissions paid in other assets, by asset: not in the P&L figures, which are in the quote currency. */
    public Map<String, Double> feesInOtherAssets(String account) {
        return Map.copyOf(feesInOtherAssets.getOrDefault(account, Map.of()));
    }

    /**
     * Sets the strategy's position to a quantity found at the broker without a trade: no cash moves, nothing is
     * realized. {@code price} may be NaN (a broker that does not know the cost): the first price seen is then
     * the entry.
     */
    public void adjust(String account, String symbol, double quantity, double price, long time, int barIndex) {
        Position position = position(account, symbol);
        double was = position.value();
        boolean wasOpen = position.quantity() != 0;
        position.adjustTo(quantity, price, time, barIndex);
        changed(book(account), position, was, wasOpen);
        if (!Double.isNaN(price)) {
            lastPrices.putIfAbsent(symbol, price);
        }
    }

    /** Records what the account holds of a symbol outside the strategy (0 to clear). */
    public void setOutside(String account, String symbol, double quantity) {
        put(outside, account, symbol, quantity);
    }

    public double outside(String account, String symbol) {
        return outside.getOrDefault(account, Map.of()).getOrDefault(symbol, 0.0);
    }

    /**
     * Turns what is left of the strategy's position into dust: the strategy no longer holds or trades it, the
     * account keeps it; what it was worth at {@code price} (NaN: the last price) is realized. Returns the
     * quantity moved.
     */
    public double moveToDust(String account, String symbol, double price) {
        Position position = position(account, symbol);
        double was = position.value();
        boolean wasOpen = position.quantity() != 0;
        double left = position.dispose(price);
        changed(book(account), position, was, wasOpen);
        put(dust, account, symbol, dust(account, symbol) + left);
        return left;
    }

    public void setDust(String account, String symbol, double quantity) {
        put(dust, account, symbol, quantity);
    }

    public double dust(String account, String symbol) {
        return dust.getOrDefault(account, Map.of()).getOrDefault(symbol, 0.0);
    }

    private static void put(Map<String, Map<String, Double>> book, String account, String symbol, double quantity) {
        Map<String, Double> symbols = book.computeIfAbsent(account, a -> new TreeMap<>());
        if (Math.abs(quantity) < 1e-12) {
            symbols.remove(symbol);
        } else {
            symbols.put(symbol, quantity);
        }
    }

    /** What an account holds that the strategy does not trade: outside holdings first, then dust. */
    public List<Holding> holdings(String account) {
        List<Holding> list = new ArrayList<>();
        outside.getOrDefault(account, Map.of()).forEach((symbol, quantity) ->
                list.add(new Holding(account, symbol, quantity, Holding.Kind.OUTSIDE, lastPrice(symbol))));
        dust.getOrDefault(account, Map.of()).forEach((symbol, quantity) ->
                list.add(new Holding(account, symbol, quantity, Holding.Kind.DUST, lastPrice(symbol))));
        return list;
    }

    public List<Holding> holdings() {
        List<Holding> list = new ArrayList<>();
        for (String account : accounts()) {
            list.addAll(holdings(account));
        }
        return list;
    }

    public void mark(String symbol, double price) {
        lastPrices.put(symbol, price);
        boolean first = marked.add(symbol);
        for (Book book : byAccount.values()) {
            Position position = book.positions.get(symbol);
            if (position != null) {
                double was = position.value();
                boolean wasOpen = position.quantity() != 0;
                if (first && wasOpen) {
                    book.unmarked--;
                }
                position.mark(price);
                changed(book, position, was, wasOpen);
            }
        }
    }

    public double lastPrice(String symbol) {
        return lastPrices.getOrDefault(symbol, Double.NaN);
    }

    /** The strategy's signed quantity of a symbol summed over every account. */
    public double quantity(String symbol) {
        double total = 0;
        for (Book book : byAccount.values()) {
            Position position = book.positions.get(symbol);
            if (position != null) {
                total += position.quantity();
            }
        }
        return total;
    }

    /** The strategy's open positions in an account (never holdings outside it). */
    public List<Position> openPositions(String account) {
        List<Position> open = new ArrayList<>();
        Book book = byAccount.get(account);
        if (book != null && book.open > 0) {
            for (Position position : book.positions.values()) {
                if (position.quantity() != 0) {
                    open.add(position);
                }
            }
        }
        return open;
    }

    /** How many positions the strategy holds in an account: {@code openPositions(account).size()}, in O(1). */
    public int openPositionCount(String account) {
        Book book = byAccount.get(account);
        return book == null ? 0 : book.open;
    }

    /** How many positions the strategy holds over every account. */
    public int openPositionCount() {
        int total = 0;
        for (Book book : byAccount.values()) {
            total += book.open;
        }
        return total;
    }

    public List<Position> openPositions() {
        List<Position> open = new ArrayList<>();
        for (String account : byAccount.keySet()) {
            open.addAll(openPositions(account));
        }
        return open;
    }

    /** Gross exposure: the absolute value of every position and holding of the account, priced ones. */
    public double exposure(String account) {
        Book book = byAccount.get(account);
        double total = book == null ? 0 : book.gross;
        total += heldValue(outside, account, true);
        total += heldValue(dust, account, true);
        return total;
    }

    public double totalExposure() {
        double total = 0;
        for (String account : accounts()) {
            total += exposure(account);
        }
        return total;
    }

    /** What the account is worth: cash plus every position and holding marked in its quote currency. */
    public double equity(String account) {
        return tradingEquity(account) + heldValue(outside, account, false);
    }

    /** What the strategy trades with: cash plus its positions and its dust. */
    public double tradingEquity(String account) {
        Book book = byAccount.get(account);
        return cash(account) + (book == null ? 0 : book.value) + heldValue(dust, account, false);
    }

    /** The summed value (absolute values: {@code gross}) of an account's outside holdings or dust, priced ones. */
    private double heldValue(Map<String, Map<String, Double>> held, String account, boolean gross) {
        Map<String, Double> symbols = held.get(account);
        if (symbols == null || symbols.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (Map.Entry<String, Double> entry : symbols.entrySet()) {
            double price = lastPrice(entry.getKey());
            double value = Double.isNaN(price) ? 0 : entry.getValue() * price;
            total += gross ? Math.abs(value) : value;
        }
        return total;
    }

    /** Equity summed over every account; meaningful when they share one currency (see {@link #equityByCurrency}). */
    public double totalEquity() {
        double total = 0;
        for (String account : cash.keySet()) {
            total += equity(account);
        }
        return total;
    }

    /** Each currency's equity summed over the accounts that report in it. */
    public Map<String, Double> equityByCurrency() {
        Map<String, Double> totals = new TreeMap<>();
        for (String account : cash.keySet()) {
            totals.merge(currency(account), equity(account), Double::sum);
        }
        return totals;
    }

    /** Each currency's P&L today summed over the accounts that report in it. */
    public Map<String, Double> dailyPnlByCurrency() {
        Map<String, Double> totals = new TreeMap<>();
        for (String account : cash.keySet()) {
            totals.merge(currency(account), dailyPnl(account), Double::sum);
        }
        return totals;
    }

    /**
     * Whether every position and dust of the strategy has had a market price since the books were built: until
     * then, after a restart, positions carry the price of their last journalled fill and today's P&L is not yet
     * a figure to act on.
     */
    public boolean marketPriced() {
        for (Book book : byAccount.values()) {
            if (book.unmarked > 0) {
                return false;
            }
        }
        for (String account : cash.keySet()) {
            for (String symbol : dust.getOrDefault(account, Map.of()).keySet()) {
                if (!marked.contains(symbol)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Today's P&L of an account: its trading equity now against the same at the start of the day. */
    public double dailyPnl(String account) {
        return tradingEquity(account) - dayStartEquity.getOrDefault(account, tradingEquity(account));
    }

    public double totalDailyPnl() {
        double total = 0;
        for (String account : cash.keySet()) {
            total += dailyPnl(account);
        }
        return total;
    }

    /** The trading equity an account started the day with (today's P&L counts from it). */
    public double dayStartEquity(String account) {
        return dayStartEquity.getOrDefault(account, tradingEquity(account));
    }

    /** Restores a start-of-day equity kept in the journal. */
    public void setDayStartEquity(String account, double equity) {
        dayStartEquity.put(account, equity);
    }

    /** Starts a new trading day: today's P&L counts from the trading equity now. */
    public void newDay() {
        for (String account : cash.keySet()) {
            dayStartEquity.put(account, tradingEquity(account));
        }
    }

    public List<String> accounts() {
        return List.copyOf(cash.keySet());
    }
}
