package dev.stratc.strategy;

/** The strategy's position in the symbol being evaluated. */
public interface PositionView {

    /** Signed quantity: positive long, negative short, 0 flat. */
    double quantity();

    /** Average entry price including fills so far; {@code NaN} when flat. */
    double entryPrice();

    /** Time of the first entry fill, epoch milliseconds; {@code Long.MIN_VALUE} when flat. */
    long entryTime();

    /** Bar index of the first entry fill; {@code -1} when flat. */
    int entryBar();

    /** How many entries (units) the position holds: 1 unless the strategy pyramids; 0 when flat. */
    default int entries() {
        return isOpen() ? 1 : 0;
    }

    /** The fill price of the first entry; {@code NaN} when flat. */
    default double firstEntryPrice() {
        return entryPrice();
    }

    /** The fill price of the latest entry; {@code NaN} when flat. */
    default double lastEntryPrice() {
        return entryPrice();
    }

    /** Bar index of the latest entry fill; {@code -1} when flat. */
    default int lastEntryBar() {
        return entryBar();
    }

    default boolean isOpen() {
        return quantity() != 0;
    }
}
