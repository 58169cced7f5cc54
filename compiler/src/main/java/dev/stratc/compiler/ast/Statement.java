package dev.stratc.compiler.ast;

import java.util.List;

/** What a block holds. */
public sealed interface Statement extends Node {

    <R, C> R accept(AstVisitor<R, C> visitor, C context);

    /** {@code when (condition) { … }}. */
    record When(Expression condition, List<Statement> body, SourceSpan span) implements Statement {
        public When {
            body = List.copyOf(body);
        }

        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitWhen(this, context);
        }
    }

    /** {@code on signal("NAME") { … }}. */
    record OnSignal(String signal, SourceSpan signalSpan, List<Statement> body, SourceSpan span) implements Statement {
        public OnSignal {
            body = List.copyOf(body);
        }

        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitOnSignal(this, context);
        }
    }

    /** {@code let name = expression}: names a series. Also allowed between blocks. */
    record Let(String name, SourceSpan nameSpan, Expression value, SourceSpan span) implements Statement, Member {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitLet(this, context);
        }
    }

    /** An action: {@code buy(…)}, {@code sell(…)}, {@code signal(…)}, {@code log(…)}, {@code stop_loss(2%)}… */
    record Action(Expression.Call call, SourceSpan span) implements Statement {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitAction(this, context);
        }
    }
}
