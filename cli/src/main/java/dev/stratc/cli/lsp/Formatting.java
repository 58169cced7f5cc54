package dev.stratc.cli.lsp;

import java.util.Optional;

import org.eclipse.lsp4j.TextEdit;

import dev.stratc.compiler.Analysis;
import dev.stratc.compiler.format.Formatter;

/** Format Document: {@code stratc fmt}'s layout, as one edit; nothing while the file has syntax errors. */
final class Formatting {
    private Formatting() {
    }

    static Optional<TextEdit> edit(OpenDocument document) {
        Analysis analysis = document.analysis();
        if (analysis.parsed().tree() == null || analysis.diagnostics().stream().anyMatch(d -> d.code().isSyntax())) {
            return Optional.empty();
        }
        String formatted = Formatter.format(analysis.parsed());
        return formatted.equals(document.text().text())
                ? Optional.empty()
                : Optional.of(new TextEdit(document.text().wholeRange(), formatted));
    }
}
