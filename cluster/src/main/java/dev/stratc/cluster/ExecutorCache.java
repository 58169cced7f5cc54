package dev.stratc.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.data.Bars;
import dev.stratc.strategy.StrategyProgram;

/**
 * What an executor JVM keeps between trials: the universe, read once per description and shared read-only by
 * every trial (and task thread) after it, and the compiled strategy. The first trial of an executor waits while
 * the bars load; the others find them here.
 */
final class ExecutorCache {
    private static final Map<UniverseSpec, List<Bars>> UNIVERSES = new ConcurrentHashMap<>();
    private static final Map<String, StrategyProgram> PROGRAMS = new ConcurrentHashMap<>();

    private ExecutorCache() {
    }

    static List<Bars> universe(UniverseSpec spec) {
        return UNIVERSES.computeIfAbsent(spec, UniverseSpec::load);
    }

    /**
     * The driver's own copy of the universe {@code spec} describes, for executors in the driver's JVM
     * ({@code local[*]}): they use it rather than read or generate the same bars a second time. Read-only
     * afterwards, like a loaded one.
     */
    static void seed(UniverseSpec spec, List<Bars> bars) {
        if (bars != null && !bars.isEmpty()) {
            UNIVERSES.putIfAbsent(spec, List.copyOf(bars));
        }
    }

    static StrategyProgram program(String fileName, String source) {
        return PROGRAMS.computeIfAbsent(fileName + '\u0000' + source, k -> compile(fileName, source));
    }

    private static StrategyProgram compile(String fileName, String source) {
        CompileResult result = StratCompiler.standard().compile(source, fileName);
        if (result.hasErrors()) {
            throw new IllegalArgumentException(fileName + " does not compile on the executor: "
                    + result.diagnostics().stream().filter(Diagnostic::isError).findFirst()
                    .map(Object::toString).orElse(""));
        }
        return result.program();
    }

    /** Forgets what was loaded (tests load different universes under one description). */
    static void clear() {
        UNIVERSES.clear();
        PROGRAMS.clear();
    }
}
