package dev.stratc.runtime.risk;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.stratc.runtime.broker.OrderType;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.order.OrderIntent;
import dev.stratc.runtime.order.PendingEntries;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.portfolio.Portfolio;
import dev.stratc.runtime.portfolio.Position;

/**
 * Pre-trade risk: every order passes {@link #check} before it may leave the process. Orders that only reduce a
 * position (exits, stops, flattening) pass the kill switch and the count limits, never the trading hours.
 * Not thread-safe: the engine thread owns it.
 */
public final class RiskEngine {
    private final RiskLimits limits;
    private final TradingCalendar calendar;
    private final KillSwitch killSwitch;
    private final long[] recentOrders;
    private int recentHead;
    private int tradesToday;
    private final Set<String> soldToday = new HashSet<>();
    private final Map<String, Double> referencePrices = new HashMap<>();
    /** Symbols whose new entries wait, and why (a lagging market-data bus); exits are never paused. */
    private Map<String, String> pausedEntries = Map.of();

    public RiskEngine(RiskLimits limits, TradingCalendar calendar, KillSwitch killSwitch) {
        this.limits = limits;
        this.calendar = calendar;
        this.killSwitch = killSwitch;
        int window = limits.maxOrdersPerSecond() > 0 ? (int) Math.ceil(limits.maxOrdersPerSecond()) : 1;
        this.recentOrders = new long[window];
        Arrays.fill(recentOrders, Long.MIN_VALUE);
    }

    public RiskLimits limits() {
        return limits;
    }

    public KillSwitch killSwitch() {
        return killSwitch;
    }

    /** Pauses new entries of exactly {@code symbols} (an empty set resumes them all), saying {@code why}. */
    public void pauseEntries(java.util.Collection<String> symbols, String why) {
        Map<String, String> paused = new HashMap<>();
        symbols.forEach(symbol -> paused.put(symbol, why));
        pausedEntries = Map.copyOf(paused);
    }

    /** The symbols whose new entries are paused now. */
    public Set<String> entriesPaused() {
        return pausedEntries.keySet();
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    /** Why {@code intent} may not go to {@code account}, or {@code null} when it may. */
    public Refusal check(OrderIntent intent, String account, AccountLimits accountLimits, Portfolio portfolio,
                         long now) {
        return check(intent, account, accountLimits, portfolio, PendingEntries.NONE, now);
    }

    /**
     * Same as {@link #check(OrderIntent, String, AccountLimits, Portfolio, long)}, counting entries sent and not
     * yet filled as held, so orders decided together cannot overshoot a limit before any of them fills.
     */
    public Refusal check(OrderIntent intent, String account, AccountLimits accountLimits, Portfolio portfolio,
                         PendingEntries pending, long now) {
        if (!intent.reducing() && killSwitch.engaged()) {
            return new Refusal(Refusal.Code.KILL_SWITCH, "the kill switch is thrown ("
                    + killSwitch.reason().orElse("") + "); only exits are sent until a person clears it");
        }
        if (!intent.reducing() && !pausedEntries.isEmpty() && pausedEntries.containsKey(intent.symbol())) {
            return new Refusal(Refusal.Code.ENTRIES_PAUSED, "new entries of " + intent.symbol() + " are paused ("
                    + pausedEntries.get(intent.symbol()) + "); exits are still sent");
        }
        if (!calendar.isOpen(intent.time())) {
            return new Refusal(Refusal.Code.OUTSIDE_TRADING_HOURS, "the market is closed (" + calendar.describe() + ")");
        }
        if (intent.reducing()) {
            return null;
        }
        if (limits.maxTradesPerDay() > 0 && tradesToday >= limits.maxTradesPerDay()) {
            return new Refusal(Refusal.Code.TRADES_PER_DAY, tradesToday + " orders sent today, the limit is "
                    + limits.maxTradesPerDay());
        }
        double price = intent.type() == OrderType.LIMIT ? intent.limitPrice() : portfolio.lastPrice(intent.symbol());
        if (Double.isNaN(price)) {
            return new Refusal(Refusal.Code.NO_PRICE, "no price known for " + intent.symbol() + " yet");
        }
        if (!limits.allowReentry() && intent.side() == Side.BUY
                && soldToday.contains(intent.symbol())) {
            return new Refusal(Refusal.Code.REENTRY, intent.symbol() + " was sold today and re-entry is not allowed"
                    + " (risk.yaml: allow_reentry)");
        }
        if (!Double.isNaN(limits.priceBandPercent()) && intent.type() == OrderType.LIMIT) {
            Double reference = referencePrices.get(intent.symbol());
            if (reference != null && Math.abs(intent.limitPrice() - reference) / reference * 100
                    > limits.priceBandPercent()) {
                return new Refusal(Refusal.Code.PRICE_BAND, "limit " + fmt(intent.limitPrice()) + " is outside ±"
                        + fmt(limits.priceBandPercent()) + "% of today's reference price " + fmt(reference));
            }
        }
        Position position = portfolio.position(account, intent.symbol());
        double notional = intent.quantity() * price;
        double after = Math.abs(position.quantity() + intent.side().sign() * intent.quantity()) * price;
        if (limits.maxPositionValue() > 0 && after > limits.maxPositionValue()) {
            return new Refusal(Refusal.Code.POSITION_VALUE, intent.symbol() + " would be worth " + fmt(after)
                    + ", the limit is " + fmt(limits.maxPositionValue()));
        }
        if (position.quantity() == 0 && !pending.opens(account, intent.symbol())) {
            int perAccount = tightest(limits.maxPositionsPerAccount(), accountLimits.maxPositions());
            int open = portfolio.openPositionCount(account) + pending.opening(account);
            if (perAccount > 0 && open >= perAccount) {
                return new Refusal(Refusal.Code.POSITIONS_PER_ACCOUNT, "account " + account + " holds " + open
                        + " positions, the limit is " + perAccount);
            }
            int total = portfolio.openPositionCount() + pending.openingTotal();
            if (limits.maxPositionsTotal() > 0 && total >= limits.maxPositionsTotal()) {
                return new Refusal(Refusal.Code.POSITIONS_TOTAL, total + " positions are open over all accounts, "
                        + "the limit is " + limits.maxPositionsTotal());
            }
        }
        double accountLimit = tightest(limits.maxExposurePerAccount(), accountLimits.maxExposure());
        double exposure = portfolio.exposure(account) + pending.value(account);
        if (accountLimit > 0 && exposure + notional > accountLimit) {
            return new Refusal(Refusal.Code.EXPOSURE_PER_ACCOUNT, "account " + account + " would hold "
                    + fmt(exposure + notional) + ", the limit is " + fmt(accountLimit));
        }
        double totalExposure = portfolio.totalExposure() + pending.valueTotal();
        if (limits.maxExposureTotal() > 0 && totalExposure + notional > limits.maxExposureTotal()) {
            return new Refusal(Refusal.Code.EXPOSURE_TOTAL, "all accounts would hold " + fmt(totalExposure + notional)
                    + ", the limit is " + fmt(limits.maxExposureTotal()));
        }
        return null;
    }

    /**
     * How long (market time) the next order must wait so that no rolling second holds more than
     * {@code max_orders_per_second} orders; 0 when it may go now. An order over the rate waits, it is never
     * refused for it.
     */
    public long rateWaitMillis(long now) {
        if (limits.maxOrdersPerSecond() <= 0 || recentOrders[recentHead] <= now - 1000) {
            return 0;
        }
        return recentOrders[recentHead] + 1000 - now;
    }

    /** Counts an order that was sent. */
    public void sent(OrderIntent intent, long now) {
        // recentHead is the oldest of the last N send times: it is replaced by this one
        recentOrders[recentHead] = now;
        recentHead = (recentHead + 1) % recentOrders.length;
        if (!intent.reducing()) {
            tradesToday++;
        }
    }

    /** Remembers a sell that filled, for the re-entry rule. */
    public void sold(String symbol) {
        soldToday.add(symbol);
    }

    /** The first price of the day becomes the reference for the price band, unless one was set. */
    public void observePrice(String symbol, double price) {
        referencePrices.putIfAbsent(symbol, price);
    }

    public void referencePrice(String symbol, double price) {
        referencePrices.put(symbol, price);
    }

    /**
     * Throws the kill switch when today's loss reaches the limit, over all accounts of one currency (a loss in
     * KRW and one in USDT are never added up); returns whether it did so now.
     */
    public boolean checkDailyLoss(Portfolio portfolio) {
        if (limits.maxDailyLoss() <= 0 || killSwitch.engaged()) {
            return false;
        }
        for (Map.Entry<String, Double> today : portfolio.dailyPnlByCurrency().entrySet()) {
            double pnl = today.getValue();
            if (pnl <= -limits.maxDailyLoss()) {
                String currency = today.getKey().isEmpty() ? "" : " " + today.getKey();
                killSwitch.engage("daily loss " + fmt(-pnl) + currency + " reached the limit "
                        + fmt(limits.maxDailyLoss()) + currency);
                return true;
            }
        }
        return false;
    }

    public void newDay() {
        tradesToday = 0;
        soldToday.clear();
        referencePrices.clear();
    }

    private static int tightest(int run, int account) {
        return run == 0 ? account : account == 0 ? run : Math.min(run, account);
    }

    private static double tightest(double run, double account) {
        return run == 0 ? account : account == 0 ? run : Math.min(run, account);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.4f", value);
    }
}
