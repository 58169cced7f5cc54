package dev.stratc.compiler.check;

/**
 * The header options of {@code strategy("Name", …)}.
 *
 * @param timeframeMillis the bar length, or {@code null} when the data or the command line sets it
 * @param warmupBars      bars before any decision, or {@code -1} for {@code auto}
 * @param allowShort      whether {@code sell} in entry opens a short position
 * @param pyramiding      how many entries a position may hold ({@code pyramiding: 4}); 1 by default
 */
public record Header(Long timeframeMillis, int warmupBars, boolean allowShort, int pyramiding) {
    public static final Header DEFAULT = new Header(null, -1, false, 1);

    public Header(Long timeframeMillis, int warmupBars, boolean allowShort) {
        this(timeframeMillis, warmupBars, allowShort, 1);
    }
}
