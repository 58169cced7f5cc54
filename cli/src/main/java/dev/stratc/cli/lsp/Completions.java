package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

import dev.stratc.cli.lsp.Declarations.Declaration;
import dev.stratc.cli.lsp.LanguageCatalog.Callable;
import dev.stratc.cli.lsp.SourceTokens.CallSite;
import dev.stratc.cli.lsp.SourceTokens.Lexeme;

/**
 * What may be typed at the cursor: after a dot, the members of a multi-output indicator (after the call itself,
 * or after a name a let binds to it: {@code let bb = bollinger(20, 2)}, then {@code bb.}); inside a call, its
 * named arguments that are not given yet; everywhere, the declared parameters and lets in scope, the functions,
 * the series and the keywords. The client filters by the word already typed.
 */
final class Completions {
    private final LanguageCatalog catalog;

    Completions(LanguageCatalog catalog) {
        this.catalog = catalog;
    }

    List<CompletionItem> at(OpenDocument document, int offset) {
        SourceTokens tokens = document.tokens();
        if (tokens.inCommentOrString(offset)) {
            return List.of();
        }
        Optional<Lexeme> called = tokens.calleeBeforeDot(offset);
        if (called.isPresent()) {
            return called.flatMap(callee -> catalog.callable(callee.text())).map(this::members).orElse(List.of());
        }
        Optional<List<CompletionItem>> boundMembers = tokens.nameBeforeDot(offset)
                .filter(name -> !name.text().equals("signal"))
                .flatMap(name -> letCallee(document, offset, name.text()))
                .flatMap(catalog::callable)
                .filter(callable -> !callable.outputs().isEmpty())
                .map(this::members);
        if (boundMembers.isPresent()) {
            return boundMembers.get();
        }
        if (tokens.nameBeforeDot(offset).filter(name -> name.text().equals("signal")).isPresent()) {
            return document.payloads().readableAt(document.codePointOffset(offset)).stream()
                    .map(field -> item(field.key(), CompletionItemKind.Field, document.source(field.value().span()),
                            null))
                    .toList();
        }
        if (tokens.nameBeforeDot(offset).filter(name -> name.text().equals("strategy")).isPresent()) {
            return catalog.recordFields().stream()
                    .map(field -> item(field.name(), CompletionItemKind.Field, null, field.documentation()))
                    .toList();
        }
        if (tokens.previous(offset).filter(token -> token.text().equals(".")).isPresent()) {
            return List.of();
        }
        List<CompletionItem> items = new ArrayList<>();
        tokens.enclosingCall(offset).ifPresent(call -> items.addAll(namedArguments(call)));
        items.addAll(declarations(document, offset));
        for (Callable callable : catalog.callables()) {
            CompletionItem item = item(callable.name(), callable.kind(), callable.signature(),
                    callable.documentation());
            item.setInsertText(callable.name() + "($0)");
            item.setInsertTextFormat(InsertTextFormat.Snippet);
            items.add(item);
        }
        for (LanguageCatalog.Series series : catalog.allSeries()) {
            items.add(item(series.name(), CompletionItemKind.Variable, null, series.documentation()));
        }
        for (String keyword : Keywords.words()) {
            items.add(item(keyword, CompletionItemKind.Keyword, null, null));
        }
        return items;
    }

    private List<CompletionItem> members(Callable callable) {
        return callable.outputs().stream()
                .map(output -> item(output.name(), CompletionItemKind.Field, null, output.documentation()))
                .toList();
    }

    /** A let binding a name to a call, as in let bb = bollinger(20, 2): the function that it calls. */
    private static final java.util.regex.Pattern LET_CALL =
            java.util.regex.Pattern.compile("^let\\s+(\\w+)\\s*=\\s*([A-Za-z_]\\w*)\\s*\\(");

    /** The callee of the let in scope at the cursor that names {@code name}, so bb. offers bollinger's members. */
    private static Optional<String> letCallee(OpenDocument document, int offset, String name) {
        Optional<String> callee = Optional.empty();
        for (Declaration declaration : document.declarations().visibleAt(document.codePointOffset(offset))) {
            if (declaration.name().equals(name) && declaration.kind() == Declarations.Kind.LET
                    && declaration.span().start() <= document.codePointOffset(offset)) {
                java.util.regex.Matcher let = LET_CALL.matcher(document.source(declaration.span()).strip());
                // the last binding before the cursor is the one that counts
                callee = let.find() && let.group(1).equals(name) ? Optional.of(let.group(2)) : Optional.empty();
            }
        }
        return callee;
    }

    private List<CompletionItem> namedArguments(CallSite call) {
        return catalog.callable(call.callee().text())
                .map(callable -> callable.arguments().stream()
                        .filter(argument -> !call.namedArguments().contains(argument.name()))
                        .map(argument -> {
                            CompletionItem item = item(argument.name() + ":", CompletionItemKind.Property,
                                    callable.signature(), argument.documentation());
                            item.setInsertText(argument.name() + ": ");
                            item.setFilterText(argument.name());
                            item.setSortText("0" + argument.name());
                            return item;
                        })
                        .toList())
                .orElse(List.of());
    }

    private static List<CompletionItem> declarations(OpenDocument document, int offset) {
        Set<String> seen = new LinkedHashSet<>();
        List<CompletionItem> items = new ArrayList<>();
        for (Declaration declaration : document.declarations().visibleAt(document.codePointOffset(offset))) {
            if (seen.add(declaration.name())) {
                CompletionItemKind kind = switch (declaration.kind()) {
                    case PARAMETER -> CompletionItemKind.Constant;
                    case FUNCTION -> CompletionItemKind.Function;
                    default -> CompletionItemKind.Variable;
                };
                CompletionItem item = item(declaration.name(), kind, document.source(declaration.span()), null);
                if (declaration.kind() == Declarations.Kind.FUNCTION) {
                    item.setInsertText(declaration.name() + "($0)");
                    item.setInsertTextFormat(InsertTextFormat.Snippet);
                }
                item.setSortText("1" + declaration.name());
                items.add(item);
            }
        }
        return items;
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, String markdown) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        if (markdown != null) {
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        }
        return item;
    }
}
