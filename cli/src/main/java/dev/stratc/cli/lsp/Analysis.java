package dev.stratc.cli.lsp;

import java.util.List;

import dev.stratc.compiler.ast.StrategyFile;
import dev.stratc.compiler.check.Checker;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.diagnostics.DiagnosticReporter;
import dev.stratc.compiler.parse.ParsedFile;
import dev.stratc.compiler.parse.SourceParser;
import dev.stratc.indicators.catalog.FunctionRegistry;

/**
 * What the compiler says about one version of a document: the passes {@code stratc check} runs, so the editor
 * shows the same diagnostics, codes and places as the command line.
 *
 * @param tree the syntax tree, or {@code null} when the file is too broken to have one
 */
record Analysis(List<Diagnostic> diagnostics, StrategyFile tree) {

    static Analysis of(String file, String text) {
        DiagnosticReporter reporter = new DiagnosticReporter();
        ParsedFile parsed = SourceParser.parse(text, file, reporter);
        if (parsed.tree() != null) {
            Checker.check(parsed.tree(), FunctionRegistry.standard(), reporter);
        }
        return new Analysis(reporter.diagnostics(), parsed.tree());
    }
}
