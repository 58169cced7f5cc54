package dev.stratc.compiler;

import java.util.List;

import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.strategy.StrategyProgram;

/**
 * The outcome of {@link StratCompiler#compile}.
 *
 * @param analysis   the parse and check, with every diagnostic
 * @param program    the runnable strategy; {@code null} when there are errors
 * @param javaSource the generated Java ({@code stratc compile --emit-java}); {@code null} when there are errors
 */
public record CompileResult(Analysis analysis, StrategyProgram program, String javaSource) {

    public List<Diagnostic> diagnostics() {
        return analysis.diagnostics();
    }

    public boolean hasErrors() {
        return program == null;
    }
}
