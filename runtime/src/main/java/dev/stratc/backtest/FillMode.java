package dev.stratc.backtest;

import java.util.Locale;

/** When an order decided at a bar's close is filled. */
public enum FillMode {
    /** At the next bar's open (default; ta4j's TradeOnNextOpenModel). A decision on the last bar does not fill. */
    NEXT_OPEN,
    /** At the deciding bar's close (ta4j's TradeOnCurrentCloseModel): optimistic, the close is already known. */
    CLOSE;

    public static FillMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "next-open", "open" -> NEXT_OPEN;
            case "close", "current-close" -> CLOSE;
            default -> throw new IllegalArgumentException("unknown fill mode '" + text + "': use next-open or close");
        };
    }
}
