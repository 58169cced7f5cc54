package dev.stratc.indicators.korea;

import dev.stratc.indicators.core.RollingWindow;
import dev.stratc.indicators.core.StreamingIndicator;

/**
 * 체결강도 (trade strength): volume bought at the ask divided by volume sold at the bid over the last
 * {@code length} bars, times 100; above 100 buyers are more aggressive. na where the data has no trade sides
 * and while nothing was sold in the window. Bars without sides are left out of the window.
 */
public final class TradeStrength extends StreamingIndicator {
    private final RollingWindow bought;
    private final RollingWindow sold;
    private double pendingBuy = Double.NaN;
    private double pendingSell = Double.NaN;

    public TradeStrength(int length) {
        requireLength("trade_strength", "length", length, 1);
        this.bought = new RollingWindow(length);
        this.sold = new RollingWindow(length);
    }

    public double update(int bar, double buyVolume, double sellVolume) {
        enter(bar);
        pendingBuy = buyVolume;
        pendingSell = sellVolume;
        if (Double.isNaN(buyVolume) || Double.isNaN(sellVolume)) {
            return Double.NaN;
        }
        return ratio(bought.sumWith(buyVolume), sold.sumWith(sellVolume)) * 100.0;
    }

    public int warmup() {
        return bought.capacity() - 1;
    }

    @Override
    protected void commit() {
        if (!Double.isNaN(pendingBuy) && !Double.isNaN(pendingSell)) {
            bought.push(pendingBuy);
            sold.push(pendingSell);
        }
    }
}
