package dev.stratc.compiler.codegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.ast.StrategyFile;
import dev.stratc.compiler.format.ExpressionPrinter;

/**
 * The reason an order gives for itself ({@code OrderRequest.reason}, shown as a trade's exit reason in reports
 * and in the run's journal): the condition of the rule that placed it, as the source writes it and shortened
 * ({@code close < sma(close, 20)}, {@code not (rsi(close, 2) > 90)} for an else branch), rather than a line and
 * column that mean nothing outside the editor. An action outside any condition keeps its place in the file.
 */
final class RuleTexts {
    static final int MAX_CHARS = 40;

    private final Map<Statement.Action, String> texts = new HashMap<>();

    private RuleTexts() {
    }

    static RuleTexts of(StrategyFile tree) {
        RuleTexts t = new RuleTexts();
        for (Member member : tree.members()) {
            if (member instanceof Member.RuleBlock block) {
                t.walk(block.statements(), null);
            }
        }
        return t;
    }

    /** The reason of {@code action}: its rule's text, or {@code fallback} when no condition encloses it. */
    String reason(Statement.Action action, String fallback) {
        return texts.getOrDefault(action, fallback);
    }

    private void walk(List<Statement> statements, String rule) {
        for (Statement statement : statements) {
            switch (statement) {
                case Statement.When when -> walk(when.body(), text(when.condition()));
                case Statement.If branch -> walkIf(branch);
                case Statement.OnSignal on -> walk(on.body(), rule == null ? "on " + on.signal() : rule);
                case Statement.Action action -> {
                    if (rule != null) {
                        texts.put(action, rule);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void walkIf(Statement.If branch) {
        String condition = ExpressionPrinter.print(branch.condition());
        walk(branch.body(), shorten(condition));
        if (branch.elseIf() != null) {
            walkIf(branch.elseIf());
        } else if (branch.otherwise() != null) {
            walk(branch.otherwise(), shorten("not (" + condition + ")"));
        }
    }

    private static String text(Expression condition) {
        return shorten(ExpressionPrinter.print(condition));
    }

    /** At most {@link #MAX_CHARS} characters, cut at a space where one is near, with an ellipsis. */
    static String shorten(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.length() <= MAX_CHARS) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_CHARS - 1);
        if (cut < MAX_CHARS * 2 / 3) {
            cut = MAX_CHARS - 1;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }
}
