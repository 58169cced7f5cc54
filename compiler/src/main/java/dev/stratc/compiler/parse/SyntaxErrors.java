package dev.stratc.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

import dev.stratc.compiler.ast.SourceSpan;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.grammar.StratLexer;

/**
 * Replaces ANTLR's messages ("mismatched input ')' expecting {NUMBER, PERCENT, …}") with what a person would say:
 * "expected an expression, found ')'". ANTLR's recovery is kept so that parsing goes on, but only the first error
 * of each top-level block is reported: what follows a syntax error in the same block is almost always its echo.
 */
final class SyntaxErrors extends DefaultErrorStrategy {
    private final String file;
    private final DiagnosticReporter reporter;
    private final Set<Integer> linesWithUnknownCharacters;
    /** The block of the last error; errors after it are echoes until the parser reaches another block. */
    private Object lastErrorRegion;

    SyntaxErrors(String file, DiagnosticReporter reporter, Set<Integer> linesWithUnknownCharacters) {
        this.file = file;
        this.reporter = reporter;
        this.linesWithUnknownCharacters = linesWithUnknownCharacters;
    }

    /**
     * Never deletes a closing bracket or the end of the file to make the input fit: they close what the user
     * wrote, and deleting one makes every following line an error. Inserting the missing token is tried instead.
     */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        int type = parser.getInputStream().LA(1);
        if (type == StratLexer.RPAREN || type == StratLexer.RBRACKET || type == StratLexer.RBRACE
                || type == Token.EOF) {
            return null;
        }
        return super.singleTokenDeletion(parser);
    }

    /** Listener for both the lexer and the parser; everything goes through the strategy's own reports. */
    BaseErrorListener silentListener() {
        return new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                    String message, RecognitionException e) {
                // Lexer errors cannot happen: UNKNOWN_CHARACTER matches any character.
            }
        };
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        // A name starting a statement is a call or an assignment: say so, not every statement there is.
        if (parser.getContext() instanceof dev.stratc.grammar.StratParser.StatementContext
                && e.getStartToken().getType() == StratLexer.IDENTIFIER && e.getOffendingToken() != e.getStartToken()) {
            report(parser, e.getOffendingToken(), "'(' or ':='", null);
            return;
        }
        report(parser, e.getOffendingToken(), expected(parser, e.getExpectedTokens()), null);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), expected(parser, e.getExpectedTokens()), null);
    }

    @Override
    protected void reportFailedPredicate(Parser parser, org.antlr.v4.runtime.FailedPredicateException e) {
        report(parser, e.getOffendingToken(), "an expression", null);
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token token = parser.getCurrentToken();
        if (token.getType() == Token.EOF) {
            report(parser, token, expected(parser, getExpectedTokens(parser)), null);
        } else {
            report(parser, token, null, "unexpected %s");
        }
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), expected(parser, getExpectedTokens(parser)), null);
    }

    private void report(Parser parser, Token offending, String expected, String pattern) {
        Object region = region(parser);
        if (lastErrorRegion != null && (region == lastErrorRegion || region == parser)) {
            return;
        }
        lastErrorRegion = region;
        if (offending.getType() == StratLexer.UNTERMINATED_STRING) {
            reporter.report(DiagnosticCode.UNTERMINATED, span(offending), "add the closing \" on the same line",
                    "string");
            return;
        }
        if (linesWithUnknownCharacters.contains(offending.getLine())) {
            return;
        }
        String found = describe(offending);
        String message;
        if (pattern != null) {
            message = String.format(pattern, found);
        } else if (offending.getType() == Token.EOF) {
            message = "expected " + expected + " before the end of the file";
        } else {
            message = "expected " + expected + ", found " + found;
        }
        SourceSpan where = offending.getType() == Token.EOF ? afterPrevious(parser, offending) : span(offending);
        String pine = pineCall(parser, offending);
        if (pine != null) {
            // ta.rsi(…), strategy.entry(…): a Pine habit, answered with the stratc form rather than the bracket
            reporter.report(DiagnosticCode.SYNTAX, where, dev.stratc.compiler.check.PineNames.hint(pine).orElseThrow(),
                    "'" + pine + "(…)' is Pine Script, not stratc: calls take a plain function name");
            return;
        }
        reporter.report(DiagnosticCode.SYNTAX, where, hintFor(offending, expected), message);
    }

    /** The dotted name right before an unexpected '(' ({@code ta.rsi} of {@code ta.rsi(}) if the Pine table has it. */
    private static String pineCall(Parser parser, Token offending) {
        var tokens = parser.getTokenStream();
        if (offending.getType() == StratLexer.STRATEGY && offending.getTokenIndex() + 2 < tokens.size()
                && ".".equals(tokens.get(offending.getTokenIndex() + 1).getText())) {
            // 'strategy' is stratc's keyword, so strategy.entry(…) stops at its first word
            String name = "strategy." + tokens.get(offending.getTokenIndex() + 2).getText();
            return dev.stratc.compiler.check.PineNames.hint(name).isPresent() ? name : null;
        }
        if (offending.getTokenIndex() >= 2 && tokens.get(offending.getTokenIndex() - 2).getType() == StratLexer.STRATEGY
                && ".".equals(tokens.get(offending.getTokenIndex() - 1).getText())) {
            // 'strategy' is also a name (strategy.equity), so strategy.entry(…) stops at the keyword after the dot
            String name = "strategy." + offending.getText();
            if (dev.stratc.compiler.check.PineNames.hint(name).isPresent()) {
                return name;
            }
        }
        if (offending.getType() != StratLexer.LPAREN || offending.getTokenIndex() < 3) {
            return null;
        }
        Token member = tokens.get(offending.getTokenIndex() - 1);
        Token dot = tokens.get(offending.getTokenIndex() - 2);
        Token owner = tokens.get(offending.getTokenIndex() - 3);
        if (!".".equals(dot.getText()) || !member.getText().matches("[A-Za-z_]\\w*")
                || !owner.getText().matches("[A-Za-z_]\\w*")) {
            return null;
        }
        if (owner.getType() == StratLexer.STRATEGY && member.getType() != StratLexer.IDENTIFIER) {
            return null; // strategy.entry(…): already answered at the keyword after the dot
        }
        String name = owner.getText() + "." + member.getText();
        return dev.stratc.compiler.check.PineNames.hint(name).isPresent() ? name : null;
    }

    /** The top-level block being parsed, or the parser itself outside any block. */
    private static Object region(Parser parser) {
        for (org.antlr.v4.runtime.RuleContext context = parser.getContext(); context != null; context = context.parent) {
            if (context instanceof dev.stratc.grammar.StratParser.StrategyMemberContext) {
                return context;
            }
        }
        return parser;
    }

    static String hintFor(String character) {
        return switch (character) {
            case "&" -> "write 'and' or '&&'";
            case "|" -> "write 'or' or '||'";
            case "'" -> "strings are written in double quotes: \"…\"";
            case "%" -> "a percent is written right after a number: 3%";
            case ";" -> "statements end at the end of the line; remove the ';'";
            default -> null;
        };
    }

    private static String hintFor(Token offending, String expected) {
        boolean comparisonMeant = offending.getType() == StratLexer.ASSIGN
                && (expected == null || !expected.contains("expression"));
        if (comparisonMeant && expected != null && expected.contains(":=")) {
            return "to name a value, write let name = …; to give a var a new value, write name := …";
        }
        return comparisonMeant ? "to compare, write '=='; to name a value, write let name = …" : null;
    }

    private String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "the end of the file";
        }
        String text = token.getText();
        if (text.length() > 30) {
            text = text.substring(0, 27) + "...";
        }
        return token.getType() == StratLexer.STRING ? "the string " + text : "'" + text + "'";
    }

    /** Words for a set of expected tokens, most useful first. */
    static String expected(Parser parser, IntervalSet expected) {
        List<String> words = new ArrayList<>();
        if (expected.contains(StratLexer.PARAMETERS) && expected.contains(StratLexer.SCAN)) {
            words.add("a block (parameters, scan, entry, exit), 'let', 'var', 'fn'");
        } else if (expected.contains(StratLexer.WHEN) && expected.contains(StratLexer.ON)) {
            words.add("a statement (when, if, on signal, let, name := …, or an action such as buy(...))");
        } else if (expected.contains(StratLexer.NUMBER) && expected.contains(StratLexer.IDENTIFIER)) {
            words.add("an expression");
            expected = new IntervalSet(expected);
            expected.remove(StratLexer.LPAREN);
            expected.remove(StratLexer.LBRACE);
            expected.remove(StratLexer.SIGNAL);
            expected.remove(StratLexer.STRATEGY);   // a name too (strategy.equity), not worth its own mention
        } else if (expected.contains(StratLexer.IDENTIFIER)) {
            words.add("a name");
            expected = new IntervalSet(expected);
            expected.remove(StratLexer.SIGNAL);
            expected.remove(StratLexer.STRATEGY);
        } else if (expected.contains(StratLexer.STRING)) {
            words.add("a string in double quotes");
        }
        int[] punctuation = {StratLexer.RPAREN, StratLexer.RBRACKET, StratLexer.RBRACE, StratLexer.LPAREN,
            StratLexer.LBRACE, StratLexer.COMMA, StratLexer.COLON, StratLexer.ASSIGN,
            StratLexer.RANGE, StratLexer.STRATEGY, StratLexer.SIGNAL};
        for (int type : punctuation) {
            if (expected.contains(type) && words.size() < 3) {
                words.add(parser.getVocabulary().getLiteralName(type));
            }
        }
        if (expected.contains(StratLexer.EOF) && words.isEmpty()) {
            words.add("the end of the file");
        }
        if (words.isEmpty()) {
            words.add(expected.contains(StratLexer.PLUS) ? "an operator" : "something else");
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private SourceSpan span(Token token) {
        int length = Math.max(1, token.getStopIndex() - token.getStartIndex() + 1);
        int column = token.getCharPositionInLine() + 1;
        return new SourceSpan(file, token.getLine(), column, token.getLine(), column + length,
                token.getStartIndex(), token.getStartIndex() + length);
    }

    /** An error at the end of the file points just after the last thing written, where the fix goes. */
    private SourceSpan afterPrevious(Parser parser, Token eof) {
        Token previous = null;
        for (int i = eof.getTokenIndex() - 1; i >= 0; i--) {
            Token candidate = parser.getTokenStream().get(i);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                previous = candidate;
                break;
            }
        }
        if (previous == null) {
            return new SourceSpan(file, 1, 1, 1, 2, 0, 0);
        }
        String text = previous.getText();
        int lastNewline = text.lastIndexOf('\n');
        int line = previous.getLine() + (int) text.chars().filter(c -> c == '\n').count();
        int column = lastNewline >= 0 ? text.length() - lastNewline : previous.getCharPositionInLine() + text.length() + 1;
        int offset = previous.getStopIndex() + 1;
        return new SourceSpan(file, line, column, line, column + 1, offset, offset);
    }
}
