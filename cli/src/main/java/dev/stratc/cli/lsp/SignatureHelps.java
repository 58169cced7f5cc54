package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;

import dev.stratc.cli.lsp.LanguageCatalog.Argument;
import dev.stratc.cli.lsp.LanguageCatalog.Callable;
import dev.stratc.cli.lsp.SourceTokens.CallSite;

/** Parameter hints while a call is typed: the signature, with the argument under the cursor highlighted. */
final class SignatureHelps {
    private final LanguageCatalog catalog;

    SignatureHelps(LanguageCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<SignatureHelp> at(OpenDocument document, int offset) {
        if (document.tokens().inCommentOrString(offset)) {
            return Optional.empty();
        }
        return document.tokens().enclosingCall(offset)
                .flatMap(call -> catalog.callable(call.callee().text()).map(callable -> help(callable, call)));
    }

    private static SignatureHelp help(Callable callable, CallSite call) {
        String label = callable.signature();
        List<ParameterInformation> parameters = new ArrayList<>();
        int searchFrom = label.indexOf('(') + 1;
        for (Argument argument : callable.arguments()) {
            // Offsets into the label, so the editor highlights this parameter and not a word that looks like it.
            int start = label.indexOf(argument.name(), searchFrom);
            ParameterInformation parameter = new ParameterInformation();
            if (start < 0) {
                parameter.setLabel(Either.forLeft(argument.name()));
            } else {
                searchFrom = start + argument.name().length();
                parameter.setLabel(Either.forRight(Tuple.two(start, searchFrom)));
            }
            parameter.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, argument.documentation()));
            parameters.add(parameter);
        }
        SignatureInformation signature = new SignatureInformation(label,
                new MarkupContent(MarkupKind.MARKDOWN, callable.documentation()), parameters);
        int active = call.argumentName() == null
                ? call.argumentIndex()
                : callable.arguments().stream().map(Argument::name).toList().indexOf(call.argumentName());
        signature.setActiveParameter(active);
        return new SignatureHelp(List.of(signature), 0, active);
    }
}
