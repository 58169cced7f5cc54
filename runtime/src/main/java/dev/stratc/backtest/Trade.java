package dev.stratc.backtest;

/**
 * A closed round trip (or the closed part of one). Prices are fill prices after slippage and tick rounding;
 * {@code pnl} and {@code returnPercent} are net of {@code fees} (commission and tax of both legs).
 */
public record Trade(String symbol, Side side, double quantity, long entryTime, double entryPrice, int entryBar,
                    long exitTime, double exitPrice, int exitBar, double pnl, double returnPercent, double fees,
                    String exitReason) {

    public enum Side { LONG, SHORT }

    public int barsHeld() {
        return exitBar - entryBar;
    }

    public double grossPnl() {
        return pnl + fees;
    }
}
