package dev.stratc.compiler.parse;

import dev.stratc.compiler.ast.SourceSpan;

/** A {@code //} or {@code /* *&#47;} comment, kept beside the tree so the formatter can put it back. */
public record Comment(String text, SourceSpan span) {
}
