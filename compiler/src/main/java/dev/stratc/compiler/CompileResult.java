package dev.stratc.compiler;

import java.util.List;

import dev.stratc.compiler.codegen.JavaGenerator.GeneratedClass;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.strategy.StrategyProgram;

/**
 * The outcome of {@link StratCompiler#compile}.
 *
 * @param analysis  the parse and check, with every diagnostic
 * @param program   the runnable strategy; {@code null} when there are errors
 * @param generated the generated Java class ({@code stratc compile --emit-java}); {@code null} when there are errors
 */
public record CompileResult(Analysis analysis, StrategyProgram program, GeneratedClass generated) {

    /** The generated Java source, or {@code null} when there are errors. */
    public String javaSource() {
        return generated == null ? null : generated.source();
    }

    public List<Diagnostic> diagnostics() {
        return analysis.diagnostics();
    }

    public boolean hasErrors() {
        return program == null;
    }
}
