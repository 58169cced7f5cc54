package dev.stratc.indicators.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The function catalogue. The compiler resolves every call through it, so adding a function here is all it
 * takes to make it available in .strat files, in {@code stratc functions}, in the docs and in the editor.
 */
public final class FunctionRegistry {
    private final Map<String, FunctionSpec> functions;

    private FunctionRegistry(Map<String, FunctionSpec> functions) {
        this.functions = Collections.unmodifiableMap(functions);
    }

    /** The standard library: every function a strategy can call. */
    public static FunctionRegistry standard() {
        return Holder.STANDARD;
    }

    /** A registry of exactly these functions (tests, embedders). Names must be unique. */
    public static FunctionRegistry of(Collection<FunctionSpec> specs) {
        Map<String, FunctionSpec> byName = new LinkedHashMap<>();
        for (FunctionSpec spec : specs) {
            if (byName.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("function '" + spec.name() + "' is declared twice");
            }
        }
        return new FunctionRegistry(byName);
    }

    public Optional<FunctionSpec> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** All functions, in catalogue order. */
    public Collection<FunctionSpec> all() {
        return functions.values();
    }

    private static final class Holder {
        private static final FunctionRegistry STANDARD = of(StandardLibrary.functions());
    }
}
