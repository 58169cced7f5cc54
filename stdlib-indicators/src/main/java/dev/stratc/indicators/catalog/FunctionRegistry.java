package dev.stratc.indicators.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Names close to a misspelt one, closest first, for "did you mean": those within two edits, or that start
     * with it.
     */
    public List<String> similarNames(String name) {
        return functions.keySet().stream()
                .filter(candidate -> editDistance(name, candidate) <= 2 || candidate.startsWith(name))
                .sorted(Comparator.comparingInt((String candidate) -> editDistance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** All functions, in catalogue order. */
    public Collection<FunctionSpec> all() {
        return functions.values();
    }

    private static final class Holder {
        private static final FunctionRegistry STANDARD = of(StandardLibrary.functions());
    }
}
