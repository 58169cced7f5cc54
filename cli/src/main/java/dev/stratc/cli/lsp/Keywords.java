package dev.stratc.cli.lsp;

import java.util.List;
import java.util.stream.IntStream;

import dev.stratc.grammar.StratLexer;

/** The language's keywords, read from the ANTLR lexer so that completion offers exactly what the parser accepts. */
final class Keywords {
    private static final List<String> WORDS = IntStream.rangeClosed(1, StratLexer.VOCABULARY.getMaxTokenType())
            .mapToObj(StratLexer.VOCABULARY::getLiteralName)
            .filter(literal -> literal != null && literal.matches("'[a-z_]+'"))
            .map(literal -> literal.substring(1, literal.length() - 1))
            .toList();

    private Keywords() {
    }

    /** {@code strategy}, {@code parameters}, {@code when}, … in the lexer's order. */
    static List<String> words() {
        return WORDS;
    }
}
