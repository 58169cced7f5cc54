package dev.stratc.compiler;

import java.util.List;

import dev.stratc.compiler.check.CheckedStrategy;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.parse.ParsedFile;

/**
 * A file parsed and checked, without code generation: what {@code stratc check} and the editor need.
 *
 * @param parsed      the tree and comments
 * @param checked     the checked tree; {@code null} when the file has syntax errors
 * @param diagnostics every error and warning, in source order
 */
public record Analysis(ParsedFile parsed, CheckedStrategy checked, List<Diagnostic> diagnostics) {
    public Analysis {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
