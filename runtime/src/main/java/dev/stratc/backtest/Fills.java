package dev.stratc.backtest;

import dev.stratc.data.Market;

/**
 * The price and cost rules of a fill, shared by the backtester and any engine that simulates fills (dry-run,
 * paper): slippage against the trader, rounding to the market's tick against the trader, lot rounding, and the
 * commission and tax a fill pays. Stateless.
 */
public final class Fills {
    private Fills() {
    }

    /**
     * The price a fill gets: {@code price} moved by {@code slippage} against the trader when {@code market} (market
     * and stop orders; a limit fill keeps its price), then rounded to the market's tick against the trader
     * (a buyer pays the next tick up, a seller gets the next tick down).
     */
    public static double price(Market m, Slippage slippage, double price, boolean buy, boolean market) {
        double tick = m.tickSize(price);
        double p = market ? slippage.apply(price, buy, tick) : price;
        if (tick > 0) {
            p = buy ? Math.ceil(p / tick - 1e-9) * tick : Math.floor(p / tick + 1e-9) * tick;
        }
        return p;
    }

    /**
     * Commission (the maker rate for limit fills where the market has one; at least the minimum) plus the tax on
     * sells, for a fill of {@code value} in the quote currency.
     */
    public static double fees(Market m, double value, boolean sell, boolean limit) {
        double rate = limit && !Double.isNaN(m.makerPercent()) ? m.makerPercent() : m.commissionPercent();
        double commission = rate == 0 && m.minimumCommission() == 0 ? 0
                : Math.max(m.minimumCommission(), value * rate / 100);
        return commission + (sell ? value * m.sellTaxPercent() / 100 : 0);
    }

    /**
     * The price a stop (or target) at {@code level} fills at once the market has reached it at {@code price}:
     * the level itself when prices moved there continuously (within a bar, from its open to its low), or the
     * price, which is at or beyond the level, when the market jumped past the level without trading at it (a
     * gap at a bar's open, or from one trade to the next).
     */
    public static double touched(double level, double price, boolean continuous) {
        return continuous && !Double.isNaN(level) ? level : price;
    }

    /** {@code units} rounded down to the market's lot step (unchanged where any quantity trades). */
    public static double roundLot(Market m, double units) {
        double step = m.lotStep();
        if (step <= 0 || Double.isInfinite(units)) {
            return units;
        }
        return Math.floor(units / step + 1e-9) * step;
    }
}
