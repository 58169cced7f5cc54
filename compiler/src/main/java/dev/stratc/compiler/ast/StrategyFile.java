package dev.stratc.compiler.ast;

import java.util.List;

/**
 * A whole .strat file: {@code strategy("Name", option: value, …) { members }}.
 *
 * @param name     the strategy's name
 * @param nameSpan where the name is written
 * @param options  the header options, in source order
 * @param members  blocks and strategy-level lets, in source order
 */
public record StrategyFile(String name, SourceSpan nameSpan, List<HeaderOption> options, List<Member> members,
                           SourceSpan span) implements Node {
    public StrategyFile {
        options = List.copyOf(options);
        members = List.copyOf(members);
    }

    /** {@code timeframe: 5m} in {@code strategy("X", timeframe: 5m)}. */
    public record HeaderOption(String key, SourceSpan keySpan, Expression value, SourceSpan span) implements Node {
    }
}
