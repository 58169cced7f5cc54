package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.ast.StrategyFile;

/**
 * What {@code signal.key} can read inside {@code on signal("NAME") { … }}: the payload fields that the scan's
 * {@code signal("NAME", { key: value, … })} emits.
 */
final class SignalPayloads {
    private final Map<String, List<Expression.MapEntry>> fields = new LinkedHashMap<>();
    private final List<Statement.OnSignal> handlers = new ArrayList<>();

    private SignalPayloads() {
    }

    static SignalPayloads of(StrategyFile tree) {
        SignalPayloads payloads = new SignalPayloads();
        if (tree != null) {
            for (Member member : tree.members()) {
                if (member instanceof Member.RuleBlock block) {
                    payloads.collect(block.statements());
                }
            }
        }
        return payloads;
    }

    private void collect(List<Statement> statements) {
        for (Statement statement : statements) {
            switch (statement) {
                case Statement.Action action -> emitted(action.call());
                case Statement.When when -> collect(when.body());
                case Statement.If branch -> {
                    collect(branch.body());
                    collect(branch.elseBranch());
                }
                case Statement.Assign assign -> {
                }
                case Statement.OnSignal on -> {
                    handlers.add(on);
                    collect(on.body());
                }
                case Statement.Let let -> {
                }
            }
        }
    }

    private void emitted(Expression.Call call) {
        List<Expression.Argument> arguments = call.arguments();
        if (call.callee().equals("signal") && arguments.size() >= 2
                && arguments.get(0).value() instanceof Expression.StringLiteral name
                && arguments.get(1).value() instanceof Expression.MapLiteral payload) {
            fields.computeIfAbsent(name.value(), ignored -> new ArrayList<>()).addAll(payload.entries());
        }
    }

    /** The payload fields readable at this position: those of the innermost enclosing {@code on signal}. */
    List<Expression.MapEntry> readableAt(int codePointOffset) {
        return handlers.stream()
                .filter(on -> on.span().start() <= codePointOffset && codePointOffset <= on.span().end())
                .reduce((outer, inner) -> inner)
                .map(on -> fields.getOrDefault(on.signal(), List.of()))
                .orElse(List.of());
    }

    Optional<Expression.MapEntry> field(String key, int codePointOffset) {
        return readableAt(codePointOffset).stream().filter(entry -> entry.key().equals(key)).findFirst();
    }
}
