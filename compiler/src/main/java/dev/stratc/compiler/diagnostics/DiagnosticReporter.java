package dev.stratc.compiler.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.stratc.compiler.ast.SourceSpan;

/**
 * Collects what every pass reports. Passes keep going after an error, so a user sees all of a file's problems in
 * one run; a pass that cannot go on marks the node as invalid and the next passes stay quiet about it.
 */
public final class DiagnosticReporter {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final java.util.Set<Diagnostic> reported = new java.util.HashSet<>();

    /** Reports {@code code} at {@code span}; the arguments fill the code's message pattern. */
    public void report(DiagnosticCode code, SourceSpan span, String hint, Object... arguments) {
        Diagnostic diagnostic = new Diagnostic(code, code.format(arguments), span, hint);
        // A function's body is checked at each call: a mistake in it is reported once, not once per call.
        if (reported.add(diagnostic)) {
            diagnostics.add(diagnostic);
        }
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** In source order, so a user reads them top to bottom. */
    public List<Diagnostic> diagnostics() {
        return diagnostics.stream()
                .sorted(Comparator.comparingInt((Diagnostic d) -> d.span().start())
                        .thenComparing(d -> d.code().code()))
                .toList();
    }
}
