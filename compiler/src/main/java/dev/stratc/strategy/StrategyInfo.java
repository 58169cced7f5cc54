package dev.stratc.strategy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the engines need to know about a compiled strategy before running it.
 *
 * @param name         the name in {@code strategy("…")}
 * @param parameters   declared parameters with their defaults and optimisation ranges
 * @param timeframe    the header's {@code timeframe}, or {@code null} when the data or the command line sets it
 * @param warmupBars   the header's {@code warmup} as a bar count, or {@code -1} for {@code auto} (then
 *                     {@link SymbolStrategy#warmupBars()} tells)
 * @param signals      the names of the signals {@code scan} emits
 * @param allowShort   whether the strategy may sell short
 * @param sourceHash   SHA-256 of the source text, hex
 * @param pyramiding   how many entries a position may hold (the header's {@code pyramiding}, 1 by default in a
 *                     .strat file); 0 for a program that does not say (written in Java): a backtest then takes one
 *                     entry per position, a live run sends what the program gives, as before pyramiding existed
 */
public record StrategyInfo(
        String name,
        List<ParameterInfo> parameters,
        Duration timeframe,
        int warmupBars,
        Set<String> signals,
        boolean allowShort,
        String sourceHash,
        int pyramiding) {

    public StrategyInfo {
        parameters = List.copyOf(parameters);
        signals = Set.copyOf(signals);
        pyramiding = Math.max(0, pyramiding);
    }

    /** A program that does not declare its pyramiding. */
    public StrategyInfo(String name, List<ParameterInfo> parameters, Duration timeframe, int warmupBars,
                        Set<String> signals, boolean allowShort, String sourceHash) {
        this(name, parameters, timeframe, warmupBars, signals, allowShort, sourceHash, 0);
    }
}
