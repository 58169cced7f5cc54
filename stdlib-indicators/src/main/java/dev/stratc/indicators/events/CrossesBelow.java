package dev.stratc.indicators.events;

/** True on the bar where {@code a} moves below {@code b} (ta4j's CrossedDownIndicatorRule). */
public final class CrossesBelow extends Cross {
    @Override
    boolean crossed(int earlierSide, double a, double b) {
        return a < b && earlierSide > 0;
    }
}
