package dev.stratc.compiler.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

import dev.stratc.compiler.CompilerLimits;
import dev.stratc.compiler.ast.SourceSpan;
import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.grammar.StratLexer;
import dev.stratc.grammar.StratParser;

/**
 * The nesting limits of {@link CompilerLimits}, checked without recursion (the point is to refuse what recursion
 * cannot walk): brackets on the tokens before parsing, expression depth on the parse tree before the tree is
 * built. Each reports where the limit is crossed and by how much.
 */
final class NestingLimits {
    private NestingLimits() {
    }

    static boolean bracketsWithinLimit(List<Token> tokens, String file, DiagnosticReporter reporter) {
        int depth = 0;
        int deepest = 0;
        Token crossing = null;
        for (Token token : tokens) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            switch (token.getType()) {
                case StratLexer.LPAREN, StratLexer.LBRACKET, StratLexer.LBRACE -> {
                    depth++;
                    if (depth > CompilerLimits.MAX_NESTING && crossing == null) {
                        crossing = token;
                    }
                    deepest = Math.max(deepest, depth);
                }
                case StratLexer.RPAREN, StratLexer.RBRACKET, StratLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
        if (crossing == null) {
            return true;
        }
        int column = crossing.getCharPositionInLine() + 1;
        reporter.report(DiagnosticCode.TOO_DEEP, new SourceSpan(file, crossing.getLine(), column, crossing.getLine(),
                        column + 1, crossing.getStartIndex(), crossing.getStartIndex() + 1),
                "give inner parts names with 'let', or combine nested 'when' conditions with 'and'",
                String.format(java.util.Locale.ROOT, "brackets are nested %,d deep; at most %,d are allowed",
                        deepest, CompilerLimits.MAX_NESTING));
        return false;
    }

    /** The first outermost expression, in source order, whose depth is over the limit. */
    static boolean expressionsWithinLimit(StratParser.FileContext tree, String file, DiagnosticReporter reporter) {
        record Visit(ParseTree node, int depth, ParserRuleContext root) {
        }
        Deque<Visit> pending = new ArrayDeque<>();
        pending.push(new Visit(tree, 0, null));
        ParserRuleContext worst = null;
        int worstDepth = 0;
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            ParseTree node = visit.node();
            int depth = visit.depth();
            ParserRuleContext root = visit.root();
            if (node instanceof StratParser.ExpressionContext expression) {
                depth++;
                root = root == null ? expression : root;
                // Depth first and in source order: the first expression over the limit is the one reported.
                if (depth > CompilerLimits.MAX_EXPRESSION_DEPTH && (worst == null || root == worst)) {
                    worst = root;
                    worstDepth = Math.max(worstDepth, depth);
                }
            } else if (!(node instanceof StratParser.ArgumentContext || node instanceof StratParser.CallContext
                    || node instanceof StratParser.MapEntryContext || node instanceof StratParser.IdentifierContext)) {
                // A statement or a block: expressions below it are outermost again.
                root = null;
                depth = 0;
            }
            for (int i = node.getChildCount() - 1; i >= 0; i--) {
                pending.push(new Visit(node.getChild(i), depth, root));
            }
        }
        if (worst == null) {
            return true;
        }
        Token start = worst.getStart();
        Token stop = worst.getStop() == null ? start : worst.getStop();
        int column = start.getCharPositionInLine() + 1;
        int stopLength = Math.max(0, stop.getStopIndex() - stop.getStartIndex() + 1);
        reporter.report(DiagnosticCode.EXPRESSION_TOO_DEEP, new SourceSpan(file, start.getLine(), column,
                        stop.getLine(), stop.getCharPositionInLine() + 1 + stopLength, start.getStartIndex(),
                        stop.getStopIndex() + 1),
                "split it into several rules, or into 'let' names used in different rules",
                worstDepth, CompilerLimits.MAX_EXPRESSION_DEPTH);
        return false;
    }
}
