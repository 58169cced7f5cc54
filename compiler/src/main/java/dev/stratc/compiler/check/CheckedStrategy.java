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
    /** The plot(…) calls, by their name, in source order. */
    final Map<String, Expression.Call> plots = new LinkedHashMap<>();
    final Map<Expression, Kind> kinds = new IdentityHashMap<>();
    final Set<Expression> constants = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Expression.Name, Resolution> names = new IdentityHashMap<>();
    final Map<Expression.Call, Binding> calls = new IdentityHashMap<>();
    final Map<Expression.MemberAccess, MemberResolution> members = new IdentityHashMap<>();
    final Map<Expression.History, Integer> offsets = new IdentityHashMap<>();
    /** Offsets that are parameters or arithmetic on them: the largest value each can take. */
    final Map<Expression.History, Integer> lookbacks = new IdentityHashMap<>();
    final List<VarSymbol> vars = new java.util.ArrayList<>();
    /** The bar length in milliseconds of every {@code expression @ timeframe}. */
    final Map<Expression.AtTimeframe, Long> timeframes = new IdentityHashMap<>();
    final Map<dev.stratc.compiler.ast.Statement.Assign, VarSymbol> assignments = new IdentityHashMap<>();

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

    /** The {@code plot("name", value)} calls by name, in source order. */
    public Map<String, Expression.Call> plots() {
        return Collections.unmodifiableMap(plots);
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

    /** The offset of a history written as a number; see {@link #hasFixedOffset}. */
    public int offset(Expression.History history) {
        return offsets.get(history);
    }

    /** Whether the offset is a number in the source; otherwise it is known only when the strategy starts. */
    public boolean hasFixedOffset(Expression.History history) {
        return offsets.containsKey(history);
    }

    /** The most bars back this history can read, over every value its parameters can take. */
    public int lookback(Expression.History history) {
        Integer fixed = offsets.get(history);
        return fixed != null ? fixed : lookbacks.get(history);
    }

    /** The most bars back any history of the strategy reads: what it must keep of every series. */
    public int maxLookback() {
        int max = 0;
        for (Integer offset : offsets.values()) {
            max = Math.max(max, offset);
        }
        for (Integer offset : lookbacks.values()) {
            max = Math.max(max, offset);
        }
        return max;
    }

    /** The bar length, in milliseconds, that {@code at} evaluates its expression on. */
    public long timeframe(Expression.AtTimeframe at) {
        return timeframes.get(at);
    }

    /** The strategy's vars, in declaration order. */
    public List<VarSymbol> vars() {
        return List.copyOf(vars);
    }

    /** The var a {@code :=} assigns. */
    public VarSymbol assigned(dev.stratc.compiler.ast.Statement.Assign assign) {
        return assignments.get(assign);
    }
}
