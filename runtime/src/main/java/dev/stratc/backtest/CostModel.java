package dev.stratc.backtest;

import dev.stratc.data.Market;

/**
 * What a fill costs on one market: the price it gets (slippage and tick rounding against the trader) and the
 * commission and sell tax it pays. One model, used by {@code stratc backtest} and by the built-in simulated
 * exchange of {@code stratc run}, so a paper run on the simulated exchange and a backtest of the same bars
 * report the same net figures.
 *
 * @param market   the market's costs, tick grid and lot step, with any command-line overrides applied
 * @param slippage adverse movement of market and stop fills
 */
public record CostModel(Market market, Slippage slippage) {

    /** The market's default costs and no slippage: what {@code stratc backtest} charges unless told otherwise. */
    public static CostModel defaults(Market market) {
        return new CostModel(market, Slippage.NONE);
    }

    /** No commission, no tax, no slippage, any quantity: a venue that only matches. */
    public static CostModel free() {
        return new CostModel(Costs.none().applyTo(Market.GENERIC), Slippage.NONE);
    }

    /** Only a commission of {@code percent} of the traded value: no tax, no slippage, any quantity. */
    public static CostModel commission(double percent) {
        return new CostModel(new Costs(percent, 0, 0).applyTo(Market.GENERIC), Slippage.NONE);
    }

    /** The price a fill at {@code price} gets; see {@link Fills#price}. */
    public double fillPrice(double price, boolean buy, boolean marketOrder) {
        return Fills.price(market, slippage, price, buy, marketOrder);
    }

    /** Commission and tax of a fill of {@code value}; see {@link Fills#fees}. */
    public double fees(double value, boolean sell, boolean limit) {
        return Fills.fees(market, value, sell, limit);
    }

    /** {@code units} rounded down to the lot step. */
    public double roundLot(double units) {
        return Fills.roundLot(market, units);
    }
}
