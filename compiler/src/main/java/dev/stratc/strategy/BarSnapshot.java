package dev.stratc.strategy;

/**
 * A copy of one bar, for a strategy that evaluates something of its latest bar later than in {@code onBar}: the
 * stops given as prices, evaluated when an engine asks for the position's stops ({@link
 * SymbolStrategy#stops(PositionView)}). The engines reuse their bar views, so a strategy may not keep those.
 */
public final class BarSnapshot implements BarView {
    private String symbol;
    private int index = -1;
    private long time;
    private double open = Double.NaN;
    private double high = Double.NaN;
    private double low = Double.NaN;
    private double close = Double.NaN;
    private double volume = Double.NaN;
    private double bid = Double.NaN;
    private double ask = Double.NaN;
    private double buyVolume = Double.NaN;
    private double sellVolume = Double.NaN;

    public void set(BarView bar) {
        symbol = bar.symbol();
        index = bar.index();
        time = bar.time();
        open = bar.open();
        high = bar.high();
        low = bar.low();
        close = bar.close();
        volume = bar.volume();
        bid = bar.bid();
        ask = bar.ask();
        buyVolume = bar.buyVolume();
        sellVolume = bar.sellVolume();
    }

    @Override
    public String symbol() {
        return symbol;
    }

    /** The bar's index; -1 before the first bar. */
    @Override
    public int index() {
        return index;
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public double open() {
        return open;
    }

    @Override
    public double high() {
        return high;
    }

    @Override
    public double low() {
        return low;
    }

    @Override
    public double close() {
        return close;
    }

    @Override
    public double volume() {
        return volume;
    }

    @Override
    public double bid() {
        return bid;
    }

    @Override
    public double ask() {
        return ask;
    }

    @Override
    public double buyVolume() {
        return buyVolume;
    }

    @Override
    public double sellVolume() {
        return sellVolume;
    }
}
