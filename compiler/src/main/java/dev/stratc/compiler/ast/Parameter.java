package dev.stratc.compiler.ast;

import java.util.List;

/**
 * {@code fast = 10}, optionally with a search space for the optimiser ({@code in 5..30 step 5}, {@code in [5, 10]}).
 *
 * @param space the search space, or {@code null}
 */
public record Parameter(String name, SourceSpan nameSpan, Expression value, SearchSpace space, SourceSpan span)
        implements Node {

    public sealed interface SearchSpace extends Node {
    }

    /** {@code 5..30 step 5}; {@code step} is {@code null} when not written. */
    public record RangeSpace(Expression from, Expression to, Expression step, SourceSpan span) implements SearchSpace {
    }

    /** {@code [5, 10, 20]}. */
    public record ListSpace(List<Expression> values, SourceSpan span) implements SearchSpace {
        public ListSpace {
            values = List.copyOf(values);
        }
    }
}
