package dev.stratc.indicators.candles;

/** A rising bar whose body engulfs the previous falling bar's body. */
public final class BullishEngulfing extends Engulfing {
    @Override
    boolean engulfs(double previousOpen, double previousClose, double open, double close) {
        return previousOpen > previousClose && open < close
                && open < previousOpen && open < previousClose && close > previousOpen && close > previousClose;
    }
}
