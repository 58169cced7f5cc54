package dev.stratc.indicators.events;

/** True on the bar where {@code a} moves above {@code b} (ta4j's CrossedUpIndicatorRule). */
public final class CrossesAbove extends Cross {
    @Override
    boolean crossed(int earlierSide, double a, double b) {
        return a > b && earlierSide < 0;
    }
}
