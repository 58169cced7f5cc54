package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.stratc.cli.Terminal;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.diagnostics.DiagnosticJson;
import dev.stratc.compiler.diagnostics.DiagnosticRenderer;

/**
 * How check, compile and fmt print diagnostics: for people on stderr (colour on a terminal), or as one JSON
 * array on stdout for tools. Counts what it printed, for the summary and the exit code.
 */
final class DiagnosticsOutput {
    enum Format { text, json }

    private final Format format;
    private final PrintWriter out;
    private final PrintWriter err;
    private final DiagnosticRenderer renderer = new DiagnosticRenderer(Terminal.interactive());
    private final List<Diagnostic> all = new ArrayList<>();

    DiagnosticsOutput(Format format, PrintWriter out, PrintWriter err) {
        this.format = format;
        this.out = out;
        this.err = err;
    }

    void add(List<Diagnostic> diagnostics, String source) {
        all.addAll(diagnostics);
        if (format == Format.text) {
            for (Diagnostic diagnostic : diagnostics) {
                err.print(renderer.render(diagnostic, source));
            }
        }
    }

    long errors() {
        return all.stream().filter(Diagnostic::isError).count();
    }

    long warnings() {
        return all.size() - errors();
    }

    /** Whether the run failed: any error, or any warning under {@code --werror}. */
    boolean failed(boolean warningsAreErrors) {
        return errors() > 0 || (warningsAreErrors && warnings() > 0);
    }

    /** The JSON array, or the "2 errors, 1 warning" line when there was anything to say. */
    void finish() {
        if (format == Format.json) {
            out.println(DiagnosticJson.render(all));
        } else if (!all.isEmpty()) {
            err.println(DiagnosticRenderer.summary(errors(), warnings()));
        }
        out.flush();
        err.flush();
    }

    boolean text() {
        return format == Format.text;
    }
}
