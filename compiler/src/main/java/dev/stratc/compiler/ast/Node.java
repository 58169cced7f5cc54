package dev.stratc.compiler.ast;

/** Every element of the tree knows where it came from. */
public interface Node {
    SourceSpan span();
}
