package dev.stratc.runtime.broker;

public enum Side {
    BUY, SELL;

    /** +1 for a buy, -1 for a sell: the sign a fill gives to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
