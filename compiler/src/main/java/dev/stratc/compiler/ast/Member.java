package dev.stratc.compiler.ast;

import java.util.List;

/** What a strategy body holds: the blocks, and strategy-level {@code let}s between them. */
public sealed interface Member extends Node permits Member.ParametersBlock, Member.RuleBlock, Statement.Let,
        Member.Var, Member.Function {

    /** {@code var name = expression}: a per-symbol variable, set once when the rules first run, then by {@code :=}. */
    record Var(String name, SourceSpan nameSpan, Expression value, SourceSpan span) implements Member {
    }

    /**
     * {@code fn name(a, b) = expression}, or {@code fn name(a) { let … return expression }} ({@code block}): a
     * pure function, inlined where it is called.
     */
    record Function(String name, SourceSpan nameSpan, List<FunctionParameter> parameters, List<Statement.Let> lets,
                    Expression result, boolean block, SourceSpan span) implements Member {
        public Function {
            parameters = List.copyOf(parameters);
            lets = List.copyOf(lets);
        }
    }

    record FunctionParameter(String name, SourceSpan span) implements Node {
    }


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
