package dev.stratc.compiler;

/**
 * How large a strategy may be. Each limit is far above what a trading strategy needs and far below where the
 * compiler's passes (which walk the tree recursively), Janino or the JVM's class-file format would fail, so a
 * file beyond one gets a located diagnostic with the number (docs/diagnostics.md), never an internal error.
 */
public final class CompilerLimits {
    private CompilerLimits() {
    }

    /** {@code (}, {@code [} and {@code \{} inside one another (S031). */
    public static final int MAX_NESTING = 100;

    /**
     * Operators, calls and parentheses inside one another in one expression, counting what a {@code let} name
     * stands for (S034). A chain {@code a + b + c} is two levels: each operator holds the chain before it.
     */
    public static final int MAX_EXPRESSION_DEPTH = 100;

    /** Statements in a strategy, nested ones included (S035). */
    public static final int MAX_STATEMENTS = 5_000;
}
