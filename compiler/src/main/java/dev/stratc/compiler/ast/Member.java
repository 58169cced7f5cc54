package dev.stratc.compiler.ast;

import java.util.List;

/** What a strategy body holds: the blocks, and strategy-level {@code let}s between them. */
public sealed interface Member extends Node permits Member.ParametersBlock, Member.RuleBlock, Statement.Let {

    /** {@code parameters { name = value … }}. */
    record ParametersBlock(List<Parameter> parameters, SourceSpan span) implements Member {
        public ParametersBlock {
            parameters = List.copyOf(parameters);
        }
    }

    /** {@code scan { … }}, {@code entry { … }} or {@code exit { … }}. */
    record RuleBlock(BlockKind kind, List<Statement> statements, SourceSpan span) implements Member {
        public RuleBlock {
            statements = List.copyOf(statements);
        }
    }

    enum BlockKind {
        SCAN, ENTRY, EXIT;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
