package dev.stratc.compiler.check;

/**
 * The header options of {@code strategy("Name", …)}.
 *
 * @param timeframeMillis the bar length, or {@code null} when the data or the command line sets it
 * @param warmupBars      bars before any decision, or {@code -1} for {@code auto}
 * @param allowShort      whether {@code sell} in entry opens a short position
 */
public record Header(Long timeframeMillis, int warmupBars, boolean allowShort) {
    public static final Header DEFAULT = new Header(null, -1, false);
}
