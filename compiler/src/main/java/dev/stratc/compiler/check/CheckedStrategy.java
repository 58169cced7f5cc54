package dev.stratc.compiler.check;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stratc.compiler.ast.Expression;
import dev.stratc.compiler.ast.StrategyFile;

/**
 * The tree with what the checker learnt about it: the kind of every expression, what every name and call refers
 * to, the signals and the stops. Code generation reads only this.
 */
public final class CheckedStrategy {
    final StrategyFile tree;
    Header header = Header.DEFAULT;
    final List<ParameterSymbol> parameters = new java.util.ArrayList<>();
    final Map<String, Map<String, Kind>> signals = new LinkedHashMap<>();
    final Map<BuiltinFunction, Expression> stops = new LinkedHashMap<>();
    final Map<Expression, Kind> kinds = new IdentityHashMap<>();
    final Set<Expression> constants = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Expression.Name, Resolution> names = new IdentityHashMap<>();
    final Map<Expression.Call, Binding> calls = new IdentityHashMap<>();
    final Map<Expression.MemberAccess, MemberResolution> members = new IdentityHashMap<>();
    final Map<Expression.History, Integer> offsets = new IdentityHashMap<>();

    CheckedStrategy(StrategyFile tree) {
        this.tree = tree;
    }

    public StrategyFile tree() {
        return tree;
    }

    public Header header() {
        return header;
    }

    public List<ParameterSymbol> parameters() {
        return List.copyOf(parameters);
    }

    /** Signal name → its payload's fields and their kinds, in the order first written. */
    public Map<String, Map<String, Kind>> signals() {
        return Collections.unmodifiableMap(signals);
    }

    /** The declarative stops of the exit block, each with its constant argument. */
    public Map<BuiltinFunction, Expression> stops() {
        return Collections.unmodifiableMap(stops);
    }

    public Kind kind(Expression expression) {
        return kinds.getOrDefault(expression, Kind.INVALID);
    }

    /** Whether the value is fixed once the strategy starts: literals, parameters and arithmetic on them. */
    public boolean isConstant(Expression expression) {
        return constants.contains(expression);
    }

    public Resolution resolution(Expression.Name name) {
        return names.get(name);
    }

    public Binding binding(Expression.Call call) {
        return calls.get(call);
    }

    public MemberResolution member(Expression.MemberAccess access) {
        return members.get(access);
    }

    public int offset(Expression.History history) {
        return offsets.get(history);
    }
}
