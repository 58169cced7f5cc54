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

    /**
     * {@code if (c) { … } else if (d) { … } else { … }}: at most one of {@code elseIf} and {@code otherwise} is
     * set; an else-if chain is an if in the else branch, kept apart so that it is printed as written.
     *
     * @param elseSpan the {@code else} keyword, {@code null} without one
     */
    record If(Expression condition, List<Statement> body, If elseIf, List<Statement> otherwise, SourceSpan elseSpan,
              SourceSpan span) implements Statement {
        public If {
            body = List.copyOf(body);
            otherwise = otherwise == null ? null : List.copyOf(otherwise);
        }

        /** The statements of the else branch: the chained if, the else block, or none. */
        public List<Statement> elseBranch() {
            return elseIf != null ? List.of(elseIf) : otherwise != null ? otherwise : List.of();
        }

        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitIf(this, context);
        }
    }

    /** {@code name := expression}: gives a {@code var} a new value. */
    record Assign(String name, SourceSpan nameSpan, Expression value, SourceSpan span) implements Statement {
        @Override
        public <R, C> R accept(AstVisitor<R, C> visitor, C context) {
            return visitor.visitAssign(this, context);
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
