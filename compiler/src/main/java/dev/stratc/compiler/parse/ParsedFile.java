package dev.stratc.compiler.parse;

import java.util.List;

import dev.stratc.compiler.ast.StrategyFile;

/**
 * The result of parsing one file.
 *
 * @param tree     the tree; {@code null} when the file is too broken to have one (the errors say why)
 * @param comments every comment, in source order
 * @param source   the text that was parsed
 */
public record ParsedFile(StrategyFile tree, List<Comment> comments, String source) {
    public ParsedFile {
        comments = List.copyOf(comments);
    }
}
