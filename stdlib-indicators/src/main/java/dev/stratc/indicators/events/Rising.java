package dev.stratc.indicators.events;

/** True when the source rose on each of the last {@code length} bars (ta4j's IsRisingRule). */
public final class Rising extends Trend {
    public Rising(int length) {
        super("rising", length);
    }

    @Override
    boolean movedInDirection(double before, double now) {
        return now > before;
    }
}
