package dev.stratc.indicators.statistics;

/**
 * The lowest value of the last {@code length} bars, including this one (ta4j's LowestValueIndicator): over the
 * bars seen so far while fewer exist; na bars are skipped.
 */
public final class Lowest extends Extreme {
    public Lowest(int length) {
        super("lowest", length, false);
    }
}
