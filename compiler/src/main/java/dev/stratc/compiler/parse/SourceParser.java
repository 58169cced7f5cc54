package dev.stratc.compiler.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.SourceSpan;
import dev.stratc.compiler.ast.StrategyFile;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.grammar.StratLexer;
import dev.stratc.grammar.StratParser;

/** Text to tree. Syntax errors go to the reporter; the tree has {@link Expression.Invalid} where they were. */
public final class SourceParser {
    private SourceParser() {
    }

    public static ParsedFile parse(String source, String file, DiagnosticReporter reporter) {
        StratLexer lexer = new StratLexer(CharStreams.fromString(source, file));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        StratParser parser = new StratParser(tokens);
        tokens.fill();
        List<Comment> comments = hiddenTokens(tokens, file, reporter);
        Set<Integer> strayLines = new HashSet<>();
        tokens.getTokens().stream().filter(t -> t.getType() == StratLexer.UNKNOWN_CHARACTER)
                .forEach(t -> strayLines.add(t.getLine()));
        install(lexer, parser, file, reporter, strayLines);
        // The parser and every later pass recurse along brackets and expressions: too deep is refused first.
        if (!NestingLimits.bracketsWithinLimit(tokens.getTokens(), file, reporter)) {
            return new ParsedFile(null, comments, source);
        }
        try {
            StratParser.FileContext tree = parser.file();
            if (!NestingLimits.expressionsWithinLimit(tree, file, reporter)) {
                return new ParsedFile(null, comments, source);
            }
            StrategyFile strategy = tree.strategy() == null || tree.strategy().getStart().getType() != StratLexer.STRATEGY
                    ? null
                    : new AstBuilder(file, reporter).strategy(tree.strategy());
            return new ParsedFile(strategy, comments, source);
        } catch (StackOverflowError deep) {
            // Only on a thread with a stack far smaller than the JVM's default: the limits above keep it away.
            reporter.report(DiagnosticCode.TOO_DEEP, new SourceSpan(file, 1, 1, 1, 2, 0, 0),
                    "split the expression with 'let' names, or give the compiler's thread a larger stack (-Xss)",
                    "the file is nested too deeply to compile");
            return new ParsedFile(null, List.of(), source);
        }
    }

    private static String printable(String character) {
        int c = character.codePointAt(0);
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("\\u%04x", c) : character;
    }

    /** One expression on its own, e.g. a default value from the function catalogue ({@code "close"}). */
    public static Expression parseExpression(String text, String file, DiagnosticReporter reporter) {
        StratLexer lexer = new StratLexer(CharStreams.fromString(text, file));
        StratParser parser = new StratParser(new CommonTokenStream(lexer));
        install(lexer, parser, file, reporter, Set.of());
        return new AstBuilder(file, reporter).standalone(parser.standaloneExpression());
    }

    private static SyntaxErrors install(StratLexer lexer, StratParser parser, String file,
                                        DiagnosticReporter reporter, Set<Integer> strayLines) {
        SyntaxErrors errors = new SyntaxErrors(file, reporter, strayLines);
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors.silentListener());
        parser.removeErrorListeners();
        parser.addErrorListener(errors.silentListener());
        parser.setErrorHandler(errors);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        return errors;
    }

    /** Comments, kept for the formatter, and stray characters, reported here since the parser never sees them. */
    private static List<Comment> hiddenTokens(CommonTokenStream tokens, String file, DiagnosticReporter reporter) {
        List<Comment> comments = new ArrayList<>();
        for (Token token : tokens.getTokens()) {
            int type = token.getType();
            if (type == StratLexer.UNKNOWN_CHARACTER) {
                int column = token.getCharPositionInLine() + 1;
                reporter.report(DiagnosticCode.UNKNOWN_CHARACTER, new SourceSpan(file, token.getLine(), column,
                                token.getLine(), column + 1, token.getStartIndex(), token.getStartIndex() + 1),
                        SyntaxErrors.hintFor(token.getText()), printable(token.getText()));
                continue;
            }
            if (type != StratLexer.LINE_COMMENT && type != StratLexer.BLOCK_COMMENT) {
                continue;
            }
            String text = token.getText();
            int column = token.getCharPositionInLine() + 1;
            int endLine = token.getLine() + (int) text.chars().filter(c -> c == '\n').count();
            int lastNewline = text.lastIndexOf('\n');
            int endColumn = lastNewline < 0 ? column + text.length() : text.length() - lastNewline;
            SourceSpan span = new SourceSpan(file, token.getLine(), column, endLine, endColumn,
                    token.getStartIndex(), token.getStopIndex() + 1);
            if (type == StratLexer.BLOCK_COMMENT && (text.length() < 4 || !text.endsWith("*/"))) {
                reporter.report(DiagnosticCode.UNTERMINATED,
                        new SourceSpan(file, token.getLine(), column, token.getLine(), column + 2,
                                token.getStartIndex(), token.getStartIndex() + 2),
                        "close it with */", "comment");
            }
            comments.add(new Comment(text, span));
        }
        return comments;
    }
}
