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

    default boolean isOpen() {
        return quantity() != 0;
    }
}
