package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import dev.stratc.grammar.StratLexer;

/**
 * The document as the language's own lexer reads it, with offsets in UTF-16 units. Hover and completion work
 * on tokens rather than on the syntax tree because they are asked for while the user types, when the file is
 * usually not a valid strategy yet.
 */
final class SourceTokens {

    /** One token; {@code start} and {@code end} are UTF-16 offsets into the document. */
    record Lexeme(int type, String text, int start, int end) {
        boolean isName() {
            return type == StratLexer.IDENTIFIER || type == StratLexer.SIGNAL;
        }

        boolean isComment() {
            return type == StratLexer.LINE_COMMENT || type == StratLexer.BLOCK_COMMENT;
        }

        boolean isString() {
            return type == StratLexer.STRING || type == StratLexer.UNTERMINATED_STRING;
        }
    }

    /**
     * A call the cursor is inside of: {@code rsi(source: hl2, |)}.
     *
     * @param callee         the called name
     * @param namedArguments the names already given
     * @param argumentIndex  which argument the cursor is in, counting from 0
     * @param argumentName   the name the cursor's argument is given with, or {@code null} when positional
     */
    record CallSite(Lexeme callee, Set<String> namedArguments, int argumentIndex, String argumentName) {
    }

    private final List<Lexeme> all;
    private final List<Lexeme> code;

    private SourceTokens(List<Lexeme> all) {
        this.all = List.copyOf(all);
        this.code = all.stream().filter(token -> token.type() != StratLexer.WHITESPACE && !token.isComment()).toList();
    }

    static SourceTokens of(String text) {
        StratLexer lexer = new StratLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Lexeme> tokens = new ArrayList<>();
        int codePoint = 0;
        int utf16 = 0;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            // ANTLR counts code points; walk the text alongside it to get UTF-16 offsets.
            utf16 = text.offsetByCodePoints(utf16, token.getStartIndex() - codePoint);
            int end = text.offsetByCodePoints(utf16, token.getStopIndex() + 1 - token.getStartIndex());
            tokens.add(new Lexeme(token.getType(), text.substring(utf16, end), utf16, end));
            codePoint = token.getStopIndex() + 1;
            utf16 = end;
        }
        return new SourceTokens(tokens);
    }

    /** The token under {@code offset}, or the one that ends there (the cursor just after a word). */
    Optional<Lexeme> at(int offset) {
        Lexeme ending = null;
        for (Lexeme token : all) {
            if (token.start() <= offset && offset < token.end()) {
                return Optional.of(token);
            }
            if (token.end() == offset && token.type() != StratLexer.WHITESPACE) {
                ending = token;
            }
        }
        return Optional.ofNullable(ending);
    }

    /** True inside a comment or a string, where nothing is completed. */
    boolean inCommentOrString(int offset) {
        return all.stream().anyMatch(token -> (token.isComment() || token.isString())
                && token.start() < offset && offset <= token.end()
                && (offset < token.end() || token.type() == StratLexer.LINE_COMMENT
                        || token.type() == StratLexer.UNTERMINATED_STRING || !isClosed(token)));
    }

    /** The code token just before {@code offset}, skipping the word being typed there. */
    Optional<Lexeme> previous(int offset) {
        Lexeme previous = null;
        for (Lexeme token : code) {
            if (token.end() > offset || (token.end() == offset && token.isName())) {
                break;
            }
            previous = token;
        }
        return Optional.ofNullable(previous);
    }

    /** The innermost call whose parentheses enclose {@code offset}, if a block does not come first. */
    Optional<CallSite> enclosingCall(int offset) {
        int index = indexBefore(offset);
        int depth = 0;
        int commas = 0;
        String current = null;
        Set<String> named = new LinkedHashSet<>();
        for (int i = index; i >= 0; i--) {
            Lexeme token = code.get(i);
            switch (token.type()) {
                case StratLexer.RPAREN, StratLexer.RBRACKET, StratLexer.RBRACE -> depth++;
                case StratLexer.LBRACKET -> depth--;
                case StratLexer.LBRACE -> {
                    if (depth == 0) {
                        return Optional.empty();
                    }
                    depth--;
                }
                case StratLexer.LPAREN -> {
                    if (depth == 0) {
                        return i > 0 && code.get(i - 1).isName()
                                ? Optional.of(new CallSite(code.get(i - 1), named, commas, current))
                                : Optional.empty();
                    }
                    depth--;
                }
                case StratLexer.COLON -> {
                    if (depth == 0 && i > 0 && code.get(i - 1).isName()) {
                        named.add(code.get(i - 1).text());
                        current = commas == 0 && current == null ? code.get(i - 1).text() : current;
                    }
                }
                case StratLexer.COMMA -> {
                    if (depth == 0) {
                        commas++;
                    }
                }
                default -> {
                }
            }
            if (depth < 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** For {@code macd(12, 26, 9).|}: the call before the dot, found by matching its parentheses. */
    Optional<Lexeme> calleeBeforeDot(int offset) {
        int index = indexBefore(offset);
        if (index < 0 || code.get(index).type() != StratLexer.DOT || index == 0) {
            return Optional.empty();
        }
        int i = index - 1;
        if (code.get(i).type() != StratLexer.RPAREN) {
            return Optional.empty();
        }
        int depth = 0;
        for (; i >= 0; i--) {
            int type = code.get(i).type();
            if (type == StratLexer.RPAREN) {
                depth++;
            } else if (type == StratLexer.LPAREN && --depth == 0) {
                return i > 0 && code.get(i - 1).isName() ? Optional.of(code.get(i - 1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every name in the code (not in comments or strings), in order. */
    List<Lexeme> names() {
        return code.stream().filter(Lexeme::isName).toList();
    }

    /** For {@code signal.|} and {@code strategy.|}: the name just before the dot. */
    Optional<Lexeme> nameBeforeDot(int offset) {
        int index = indexBefore(offset);
        return index > 0 && code.get(index).type() == StratLexer.DOT && (code.get(index - 1).isName()
                || code.get(index - 1).type() == StratLexer.STRATEGY)
                ? Optional.of(code.get(index - 1))
                : Optional.empty();
    }

    /** True when the name token is followed by {@code (}: a call rather than a reference. */
    boolean isCalled(Lexeme name) {
        int index = code.indexOf(name);
        return index >= 0 && index + 1 < code.size() && code.get(index + 1).type() == StratLexer.LPAREN;
    }

    /** True when the name token is followed by {@code :}: a named argument, a header option or a payload key. */
    boolean isLabel(Lexeme name) {
        int index = code.indexOf(name);
        return index >= 0 && index + 1 < code.size() && code.get(index + 1).type() == StratLexer.COLON;
    }

    /** True when the token follows a {@code .}: a member of what precedes it. */
    boolean isMember(Lexeme name) {
        int index = code.indexOf(name);
        return index > 0 && code.get(index - 1).type() == StratLexer.DOT;
    }

    /** Index in {@link #code} of the last token that ends at or before {@code offset}, not counting the word typed. */
    private int indexBefore(int offset) {
        return previous(offset).map(code::indexOf).orElse(-1);
    }

    private static boolean isClosed(Lexeme token) {
        return token.type() != StratLexer.BLOCK_COMMENT || (token.text().length() >= 4 && token.text().endsWith("*/"));
    }
}
