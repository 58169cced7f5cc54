package dev.stratc.compiler.diagnostics;

import dev.stratc.compiler.ast.SourceSpan;

/**
 * One thing the compiler has to say about a file.
 *
 * @param hint what to do about it ({@code did you mean 'rsi'?}), or {@code null}
 */
public record Diagnostic(DiagnosticCode code, String message, SourceSpan span, String hint) {

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return severity() == Severity.ERROR;
    }

    /** The raw form golden tests compare: {@code file:line:col: S007: unknown name 'rsii'}. */
    public String raw() {
        return span.position() + ": " + code.code() + ": " + message;
    }
}
