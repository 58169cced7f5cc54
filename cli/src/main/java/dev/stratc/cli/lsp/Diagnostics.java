package dev.stratc.cli.lsp;

import java.util.List;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;

import dev.stratc.compiler.diagnostics.DiagnosticCode;
import dev.stratc.compiler.diagnostics.Severity;

/** The compiler's diagnostics as LSP ones: same code, same message and hint, same place. */
final class Diagnostics {
    static final String SOURCE = "stratc";

    private Diagnostics() {
    }

    static List<Diagnostic> of(OpenDocument document) {
        return document.analysis().diagnostics().stream().map(found -> convert(document, found)).toList();
    }

    private static Diagnostic convert(OpenDocument document, dev.stratc.compiler.diagnostics.Diagnostic found) {
        String message = found.hint() == null ? found.message() : found.message() + "\n" + found.hint();
        Diagnostic diagnostic = new Diagnostic(document.range(found.span()), message,
                found.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                SOURCE, found.code().code());
        if (found.code() == DiagnosticCode.UNUSED_PARAMETER || found.code() == DiagnosticCode.UNUSED_LET) {
            diagnostic.setTags(List.of(DiagnosticTag.Unnecessary));
        }
        return diagnostic;
    }
}
