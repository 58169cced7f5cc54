package dev.stratc.runtime.risk;

/** Why pre-trade risk refused an order: a stable code for scripts and a sentence for people. */
public record Refusal(Code code, String message) {

    public enum Code {
        KILL_SWITCH,
        OUTSIDE_TRADING_HOURS,
        ORDER_RATE,
        TRADES_PER_DAY,
        POSITION_VALUE,
        POSITIONS_PER_ACCOUNT,
        POSITIONS_TOTAL,
        EXPOSURE_PER_ACCOUNT,
        EXPOSURE_TOTAL,
        REENTRY,
        PRICE_BAND,
        NO_PRICE,
        /** A margin account's margin ratio reached its {@code max_margin_ratio}, or could not be read. */
        MARGIN_RATIO,
        /** No account of the pool can carry the order. */
        NO_ACCOUNT,
        /** New entries of the symbol are paused for now (the market data of a bus run lags behind). */
        ENTRIES_PAUSED
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
