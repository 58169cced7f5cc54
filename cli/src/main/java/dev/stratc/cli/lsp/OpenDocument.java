package dev.stratc.cli.lsp;

import org.eclipse.lsp4j.Range;

import dev.stratc.compiler.Analysis;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.ast.SourceSpan;

/** One version of an open file and everything derived from it, computed once per edit. */
record OpenDocument(String uri, DocumentText text, SourceTokens tokens, Analysis analysis, Declarations declarations,
                    SignalPayloads payloads) {

    static OpenDocument of(String uri, String content) {
        // What stratc check runs: parse and check, so the editor shows the same diagnostics.
        Analysis analysis = StratCompiler.standard().analyze(content, FileNames.of(uri));
        return new OpenDocument(uri, new DocumentText(content), SourceTokens.of(content), analysis,
                Declarations.of(analysis.parsed().tree()), SignalPayloads.of(analysis.parsed().tree()));
    }

    /** The source text of a compiler span, on one line. */
    String source(SourceSpan span) {
        int start = text.utf16Offset(span.start());
        int end = text.utf16Offset(span.end());
        return text.text().substring(start, Math.max(start, end)).replaceAll("\\s+", " ");
    }

    /** The code-point offset (what compiler spans count) of a UTF-16 offset into the text. */
    int codePointOffset(int offset) {
        return text.codePointOffset(offset);
    }

    /** The LSP range of a compiler span. */
    Range range(SourceSpan span) {
        return text.range(span.line(), span.column(), span.endLine(), span.endColumn());
    }
}
