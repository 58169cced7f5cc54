package dev.stratc.compiler.check;

import dev.stratc.compiler.ast.Member;

/**
 * A {@code var}: per-symbol state that keeps its value from bar to bar.
 *
 * @param index its place among the strategy's vars, in declaration order
 * @param kind  a number, percent, duration or condition; fixed by its initial value
 */
public record VarSymbol(int index, Kind kind, Member.Var declaration) {
    public String name() {
        return declaration.name();
    }
}
