package dev.stratc.runtime.engine;

import dev.stratc.strategy.BarView;

/** The bar being built for one symbol; the strategy reads it through {@link BarView} and does not keep it. */
final class MutableBar implements BarView {
    private final String symbol;
    int index = -1;
    long start;
    long end;
    double open;
    double high;
    double low;
    double close;
    double volume;
    double bid = Double.NaN;
    double ask = Double.NaN;
    double buyVolume;
    double sellVolume;
    boolean sidesKnown;

    MutableBar(String symbol) {
        this.symbol = symbol;
    }

    void begin(long bucketStart, long bucketEnd, double price) {
        index++;
        start = bucketStart;
        end = bucketEnd;
        open = high = low = close = price;
        volume = 0;
        buyVolume = sellVolume = 0;
        sidesKnown = false;
    }

    void trade(double price, double size) {
        if (price > high) {
            high = price;
        }
        if (price < low) {
            low = price;
        }
        close = price;
        volume += size;
        if (!Double.isNaN(ask) && price >= ask) {
            buyVolume += size;
            sidesKnown = true;
        } else if (!Double.isNaN(bid) && price <= bid) {
            sellVolume += size;
            sidesKnown = true;
        }
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public long time() {
        return end;
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
        return Double.isNaN(bid) ? close : bid;
    }

    @Override
    public double ask() {
        return Double.isNaN(ask) ? close : ask;
    }

    @Override
    public double buyVolume() {
        return sidesKnown ? buyVolume : Double.NaN;
    }

    @Override
    public double sellVolume() {
        return sidesKnown ? sellVolume : Double.NaN;
    }
}
