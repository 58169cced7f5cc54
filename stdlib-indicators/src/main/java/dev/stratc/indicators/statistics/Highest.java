package dev.stratc.indicators.statistics;

/**
 * The highest value of the last {@code length} bars, including this one (ta4j's HighestValueIndicator): over
 * the bars seen so far while fewer exist; na bars are skipped.
 */
public final class Highest extends Extreme {
    public Highest(int length) {
        super("highest", length, true);
    }
}
