package dev.stratc.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.stratc.strategy.OrderRequest;
import dev.stratc.strategy.OrderRequest.OrderType;

/**
 * When a resting order fills, and at what price: one rule for the backtester and for the run that feeds the
 * simulated exchange (and a broker), so a limit, stop or stop-limit order fills at the same bar and price in both.
 *
 * <p>On a bar, for a buy (a sell is the mirror):
 * <ul>
 *   <li>market: the bar's open.</li>
 *   <li>limit at L: the open when the bar opens at or below L (a gap through the limit fills at the better open);
 *   else L when the bar trades through it (low below L); a bar that only touches L does not fill it.</li>
 *   <li>stop at S: the open when the bar opens at or above S (a gap past the stop fills at the worse open); else S
 *   when the bar reaches it (high at or above S). Filled as a market order: slippage, taker fee.</li>
 *   <li>stop-limit at S, L: triggers as the stop does, at the open or at S; it fills there when that price is
 *   within L, as a limit order; otherwise it rests from the next bar on as a limit at L.</li>
 * </ul>
 * On a trade at P (a tick): market at P; limit when P is at or through L, at L; stop when P is at or past S, at P.
 */
public final class OrderRule {
    private OrderRule() {
    }

    /**
     * What a bar or trade did to the order: filled at {@code price} ({@code market}: priced as a market order, with
     * slippage), or only {@code triggered} (a stop-limit that now rests as a limit), or nothing ({@link #NONE}).
     */
    public record Outcome(double price, boolean market, boolean triggered) {
        public boolean filled() {
            return !Double.isNaN(price);
        }
    }

    public static final Outcome NONE = new Outcome(Double.NaN, false, false);

    /** The outcome of a bar for an order of {@code type}; {@code triggered}: a stop-limit that triggered before. */
    public static Outcome onBar(OrderType type, boolean buy, double limit, double stop, boolean triggered,
                                double open, double high, double low) {
        switch (type) {
            case MARKET -> {
                return new Outcome(open, true, false);
            }
            case LIMIT -> {
                return limitOnBar(buy, limit, open, high, low);
            }
            case STOP -> {
                double at = stopOnBar(buy, stop, open, high, low);
                return Double.isNaN(at) ? NONE : new Outcome(at, true, false);
            }
            default -> {
                if (triggered) {
                    return limitOnBar(buy, limit, open, high, low);
                }
                double at = stopOnBar(buy, stop, open, high, low);
                if (Double.isNaN(at)) {
                    return NONE;
                }
                return within(buy, at, limit) ? new Outcome(at, false, true) : new Outcome(Double.NaN, false, true);
            }
        }
    }

    /** The outcome of one trade at {@code price}. */
    public static Outcome onTrade(OrderType type, boolean buy, double limit, double stop, boolean triggered,
                                  double price) {
        return switch (type) {
            case MARKET -> new Outcome(price, true, false);
            case LIMIT -> within(buy, price, limit) ? new Outcome(limit, false, false) : NONE;
            case STOP -> reached(buy, price, stop) ? new Outcome(price, true, false) : NONE;
            case STOP_LIMIT -> {
                if (triggered) {
                    yield within(buy, price, limit) ? new Outcome(limit, false, true) : NONE;
                }
                if (!reached(buy, price, stop)) {
                    yield NONE;
                }
                yield within(buy, price, limit) ? new Outcome(price, false, true) : new Outcome(Double.NaN, false, true);
            }
        };
    }

    private static Outcome limitOnBar(boolean buy, double limit, double open, double high, double low) {
        if (buy ? open <= limit : open >= limit) {
            return new Outcome(open, false, false);        // opened through the limit: filled at the open
        }
        if (buy ? low < limit : high > limit) {
            return new Outcome(limit, false, false);       // traded through the limit within the bar
        }
        return NONE;
    }

    /** The price a stop fills at on the bar, or NaN: the open on a gap past it, else the stop itself. */
    private static double stopOnBar(boolean buy, double stop, double open, double high, double low) {
        if (buy ? open >= stop : open <= stop) {
            return open;
        }
        if (buy ? high >= stop : low <= stop) {
            return stop;
        }
        return Double.NaN;
    }

    private static boolean within(boolean buy, double price, double limit) {
        return buy ? price <= limit : price >= limit;
    }

    private static boolean reached(boolean buy, double price, double stop) {
        return buy ? price >= stop : price <= stop;
    }

    /**
     * Whether an order decided on the bar ending at {@code decidedAt} (the strategy's {@code decidedBar}-th) has
     * lapsed by the bar {@code bar} ending at {@code time}: after its {@code expire:} bars, after its duration, or
     * once the exchange's day it was decided on is over. Checked before the bar may fill it.
     */
    public static boolean expired(OrderRequest.Expiry expiry, int decidedBar, long decidedAt, int bar, long time,
                                  long barMillis, ZoneId zone) {
        OrderRequest.Expiry e = expiry == null ? OrderRequest.Expiry.ONE_BAR : expiry;
        if (e.day()) {
            // a bar belongs to the day it starts in; an order decided at the day's last close lives no bar
            long length = Math.max(0, barMillis);
            return day(time - length, zone).isAfter(day(decidedAt - length, zone));
        }
        if (e.millis() > 0) {
            return time > decidedAt + e.millis();
        }
        return bar - decidedBar > e.bars();
    }

    private static LocalDate day(long millis, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
    }
}
