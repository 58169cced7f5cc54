package dev.stratc.compiler.check;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stratc.compiler.ast.Member.BlockKind;
import dev.stratc.compiler.ast.Statement;

/** The names visible at a point, and where that point is (which block, inside which on signal). */
final class Scope {
    private final Scope parent;
    private final Map<String, Statement.Let> lets = new LinkedHashMap<>();
    private final BlockKind block;
    private final String signal;
    private final boolean insideWhen;

    private Scope(Scope parent, BlockKind block, String signal, boolean insideWhen) {
        this.parent = parent;
        this.block = block;
        this.signal = signal;
        this.insideWhen = insideWhen;
    }

    static Scope root() {
        return new Scope(null, null, null, false);
    }

    Scope block(BlockKind kind) {
        return new Scope(this, kind, null, false);
    }

    /** A function's body: the strategy-level names and the function's parameters, nothing of a block. */
    Scope function() {
        Scope root = this;
        while (root.parent != null) {
            root = root.parent;
        }
        return new Scope(root, null, null, false);
    }

    Scope when() {
        return new Scope(this, block, signal, true);
    }

    Scope onSignal(String name) {
        return new Scope(this, block, name, insideWhen);
    }

    BlockKind blockKind() {
        return block;
    }

    /** The signal of the innermost {@code on signal}, or {@code null}. */
    String signal() {
        return signal;
    }

    boolean insideWhen() {
        return insideWhen;
    }

    void define(Statement.Let let) {
        lets.put(let.name(), let);
    }

    /** A let of this scope itself, not of an enclosing one. */
    Statement.Let ownLet(String name) {
        return lets.get(name);
    }

    Statement.Let let(String name) {
        Statement.Let let = lets.get(name);
        return let != null || parent == null ? let : parent.let(name);
    }

    java.util.Set<String> letNames() {
        java.util.Set<String> names = new java.util.HashSet<>(lets.keySet());
        if (parent != null) {
            names.addAll(parent.letNames());
        }
        return names;
    }
}
