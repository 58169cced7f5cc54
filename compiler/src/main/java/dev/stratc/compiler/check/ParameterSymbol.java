package dev.stratc.compiler.check;

import dev.stratc.compiler.ast.Parameter;
import dev.stratc.strategy.ParameterInfo;

/** A declared parameter: its kind, default and search space. */
public record ParameterSymbol(int index, Kind kind, ParameterInfo info, Parameter declaration) {
    public String name() {
        return info.name();
    }
}
