package dev.stratc.cli.lsp;

import java.util.Optional;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

import dev.stratc.cli.lsp.Declarations.Declaration;
import dev.stratc.cli.lsp.SourceTokens.Lexeme;
import dev.stratc.grammar.StratLexer;

/**
 * Documentation for the name under the cursor: a function or action with its signature and parameters, the
 * parameter a named argument sets, an indicator's member, a built-in series, or a declared parameter or let.
 */
final class Hovers {
    private final LanguageCatalog catalog;

    Hovers(LanguageCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<Hover> at(OpenDocument document, int offset) {
        SourceTokens tokens = document.tokens();
        return tokens.at(offset)
                .filter(Lexeme::isName)
                .flatMap(name -> markdown(document, tokens, name)
                        .map(text -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, text),
                                document.text().range(name.start(), name.end()))));
    }

    private Optional<String> markdown(OpenDocument document, SourceTokens tokens, Lexeme name) {
        if (name.type() == StratLexer.SIGNAL && tokens.previous(name.start())
                .filter(before -> before.type() == StratLexer.ON).isPresent()) {
            return Optional.of("```strat\non signal(\"NAME\") { … }\n```\nRuns, in the entry block, when the scan"
                    + " emits the signal NAME for this symbol in the same evaluation; `signal.key` reads its payload.");
        }
        if (tokens.isCalled(name)) {
            Optional<String> callable = catalog.callable(name.text()).map(LanguageCatalog.Callable::documentation);
            if (callable.isPresent()) {
                return callable;
            }
            return document.declarations().resolve(name.text(), document.codePointOffset(name.start()))
                    .filter(declaration -> declaration.kind() == Declarations.Kind.FUNCTION)
                    .map(declaration -> declaration(document, declaration));
        }
        if (tokens.isLabel(name)) {
            Optional<String> argument = tokens.enclosingCall(name.start())
                    .flatMap(call -> catalog.callable(call.callee().text()))
                    .flatMap(callable -> callable.argument(name.text()))
                    .map(LanguageCatalog.Argument::documentation);
            if (argument.isPresent()) {
                return argument;
            }
        }
        if (tokens.isMember(name)) {
            return member(document, tokens, name);
        }
        Optional<Declaration> declared = document.declarations()
                .resolve(name.text(), document.codePointOffset(name.start()));
        if (declared.isPresent()) {
            return declared.map(declaration -> declaration(document, declaration));
        }
        return catalog.series(name.text()).map(LanguageCatalog.Series::documentation);
    }

    /** {@code signal.key} in an {@code on signal}, or {@code macd(12, 26, 9).signal}. */
    private Optional<String> member(OpenDocument document, SourceTokens tokens, Lexeme name) {
        if (tokens.nameBeforeDot(name.start()).filter(target -> target.text().equals("strategy")).isPresent()) {
            return catalog.recordField(name.text()).map(LanguageCatalog.Series::documentation);
        }
        if (tokens.nameBeforeDot(name.start()).filter(target -> target.text().equals("signal")).isPresent()) {
            return document.payloads().field(name.text(), document.codePointOffset(name.start()))
                    .map(field -> "```strat\nsignal." + field.key() + " = " + document.source(field.value().span())
                            + "\n```\nA field of the payload the scan emits with this signal, evaluated when it"
                            + " was emitted.");
        }
        return tokens.calleeBeforeDot(name.start())
                .flatMap(callee -> catalog.callable(callee.text()))
                .flatMap(callable -> callable.output(name.text()))
                .map(LanguageCatalog.Output::documentation);
    }

    private static String declaration(OpenDocument document, Declaration declaration) {
        String source = document.source(declaration.span());
        if (declaration.kind() == Declarations.Kind.FUNCTION) {
            // the signature, not the whole body
            int end = source.indexOf('{') >= 0 && (source.indexOf('=') < 0 || source.indexOf('{') < source.indexOf('='))
                    ? source.indexOf('{') : source.length();
            source = source.substring(0, end).strip();
        }
        String code = "```strat\n" + (declaration.kind() == Declarations.Kind.PARAMETER ? "parameter " : "")
                + source + "\n```\n";
        return code + switch (declaration.kind()) {
            case PARAMETER -> "A parameter of the strategy: change it on the command line with `-P "
                    + declaration.name() + "=…`.";
            case LET -> "A series named with `let`.";
            case VAR -> "A var: a value this symbol keeps from bar to bar, set to this when the rules first run and"
                    + " changed with `" + declaration.name() + " := …`; na until then.";
            case FUNCTION -> "A function of this strategy: pure, inlined where it is called, its kinds those of the"
                    + " arguments of each call.";
            case FUNCTION_PARAMETER -> "A parameter of the function: the value the call gives it.";
        };
    }
}
