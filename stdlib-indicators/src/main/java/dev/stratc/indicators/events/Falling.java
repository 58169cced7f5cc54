package dev.stratc.indicators.events;

/** True when the source fell on each of the last {@code length} bars (ta4j's IsFallingRule). */
public final class Falling extends Trend {
    public Falling(int length) {
        super("falling", length);
    }

    @Override
    boolean movedInDirection(double before, double now) {
        return now < before;
    }
}
