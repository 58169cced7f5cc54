package dev.stratc.indicators.candles;

/** A falling bar whose body engulfs the previous rising bar's body. */
public final class BearishEngulfing extends Engulfing {
    @Override
    boolean engulfs(double previousOpen, double previousClose, double open, double close) {
        return previousOpen < previousClose && open > close
                && open > previousOpen && open > previousClose && close < previousOpen && close < previousClose;
    }
}
