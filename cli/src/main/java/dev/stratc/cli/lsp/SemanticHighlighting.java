package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

import dev.stratc.cli.lsp.Declarations.Declaration;
import dev.stratc.cli.lsp.SourceTokens.Lexeme;

/**
 * What the TextMate grammar cannot know: which names are the strategy's parameters (constants, coloured like
 * their declaration) and which are its lets, wherever they are used.
 */
final class SemanticHighlighting {
    static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(List.of("variable"),
            List.of("declaration", "readonly"));
    private static final int VARIABLE = 0;
    private static final int DECLARATION = 1;
    private static final int READONLY = 1 << 1;

    private SemanticHighlighting() {
    }

    /** LSP's relative encoding: per token, line delta, start delta, length, type, modifiers. */
    static SemanticTokens of(OpenDocument document) {
        List<Integer> data = new ArrayList<>();
        Position previous = new Position(0, 0);
        SourceTokens tokens = document.tokens();
        for (Lexeme name : tokens.names()) {
            if (tokens.isCalled(name) || tokens.isLabel(name) || tokens.isMember(name)) {
                continue;
            }
            int codePointStart = document.codePointOffset(name.start());
            Declaration declaration = document.declarations().resolve(name.text(), codePointStart).orElse(null);
            if (declaration == null) {
                continue;
            }
            int modifiers = (declaration.kind() == Declarations.Kind.PARAMETER ? READONLY : 0)
                    | (declaration.nameSpan().start() == codePointStart ? DECLARATION : 0);
            Position start = document.text().position(name.start());
            data.add(start.getLine() - previous.getLine());
            data.add(start.getLine() == previous.getLine()
                    ? start.getCharacter() - previous.getCharacter()
                    : start.getCharacter());
            data.add(name.end() - name.start());
            data.add(VARIABLE);
            data.add(modifiers);
            previous = start;
        }
        return new SemanticTokens(data);
    }
}
