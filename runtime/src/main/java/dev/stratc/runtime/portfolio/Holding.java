package dev.stratc.runtime.portfolio;

/**
 * What an account holds of a symbol that the strategy does not trade: holdings it found at the broker and did
 * not open ({@link Kind#OUTSIDE}), or the remainder of a position too small for the exchange to take
 * ({@link Kind#DUST}). Both count in the account's equity and exposure; the strategy never sells them.
 *
 * @param lastPrice NaN while no price of the symbol is known: the holding then counts as 0
 */
public record Holding(String account, String symbol, double quantity, Kind kind, double lastPrice) {

    public enum Kind {
        /** Held at the broker, not opened by this run (per its journal). */
        OUTSIDE("held outside the strategy"),
        /** Left over from a position after its exit: below the exchange's minimum order, not traded again. */
        DUST("dust, below the exchange's minimum order");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public boolean priced() {
        return !Double.isNaN(lastPrice);
    }

    /** The holding's market value in the quote currency; 0 while unpriced. */
    public double value() {
        return priced() ? quantity * lastPrice : 0;
    }
}
