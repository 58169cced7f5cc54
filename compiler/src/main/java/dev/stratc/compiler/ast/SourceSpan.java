package dev.stratc.compiler.ast;

/**
 * Where a node is in its file: 1-based line and column of the first character, and of the character just after
 * the last one; {@code start}/{@code end} are the same positions as character offsets.
 */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn, int start, int end) {

    /** For nodes the compiler makes up (a default argument): points at nothing in particular. */
    public static SourceSpan synthetic(String file) {
        return new SourceSpan(file, 1, 1, 1, 1, 0, 0);
    }

    /** The span from the start of this one to the end of {@code last}. */
    public SourceSpan to(SourceSpan last) {
        return new SourceSpan(file, line, column, last.endLine, last.endColumn, start, last.end);
    }

    public String position() {
        return file + ":" + line + ":" + column;
    }
}
