package dev.stratc.compiler.check;

import dev.stratc.compiler.ast.Statement;

/** What a name stands for. */
public sealed interface Resolution {

    record Series(BuiltinSeries series) implements Resolution {
    }

    record ParameterRef(ParameterSymbol parameter) implements Resolution {
    }

    /** A {@code var}: read from the symbol's state. */
    record VarRef(VarSymbol variable) implements Resolution {
    }

    /** A {@code let}: the compiler substitutes its expression, so it is a series like any other. */
    record LetRef(Statement.Let let) implements Resolution {
    }
}
