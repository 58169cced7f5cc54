package dev.stratc.cli.lsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

import dev.stratc.compiler.ast.Member;
import dev.stratc.compiler.ast.Parameter;
import dev.stratc.compiler.ast.SourceSpan;
import dev.stratc.compiler.ast.Statement;
import dev.stratc.compiler.ast.StrategyFile;

/** The outline: the strategy, its blocks, its parameters, its lets and its signal handlers. */
final class DocumentSymbols {
    private DocumentSymbols() {
    }

    static List<DocumentSymbol> of(OpenDocument document) {
        StrategyFile tree = document.analysis().parsed().tree();
        if (tree == null) {
            return List.of();
        }
        List<DocumentSymbol> members = new ArrayList<>();
        for (Member member : tree.members()) {
            members.add(switch (member) {
                case Member.ParametersBlock block -> symbol(document, "parameters", SymbolKind.Namespace, null,
                        block.span(), keyword(block.span(), "parameters"),
                        block.parameters().stream().map(parameter -> parameter(document, parameter)).toList());
                case Member.RuleBlock block -> symbol(document, block.kind().keyword(), SymbolKind.Namespace, null,
                        block.span(), keyword(block.span(), block.kind().keyword()),
                        statements(document, block.statements()));
                case Statement.Let let -> let(document, let);
                case Member.Var variable -> symbol(document, variable.name(), SymbolKind.Variable,
                        "var = " + document.source(variable.value().span()), variable.span(), variable.nameSpan(),
                        List.of());
                case Member.Function function -> symbol(document, function.name(), SymbolKind.Function,
                        "fn(" + String.join(", ", function.parameters().stream()
                                .map(Member.FunctionParameter::name).toList()) + ")",
                        function.span(), function.nameSpan(), List.of());
            });
        }
        return List.of(symbol(document, tree.name(), SymbolKind.Class, "strategy", tree.span(), tree.nameSpan(),
                members));
    }

    private static List<DocumentSymbol> statements(OpenDocument document, List<Statement> statements) {
        List<DocumentSymbol> symbols = new ArrayList<>();
        for (Statement statement : statements) {
            switch (statement) {
                case Statement.Let let -> symbols.add(let(document, let));
                case Statement.OnSignal on -> symbols.add(symbol(document, "on signal(\"" + on.signal() + "\")",
                        SymbolKind.Event, null, on.span(), on.signalSpan(), statements(document, on.body())));
                case Statement.When when -> symbols.addAll(statements(document, when.body()));
                case Statement.If branch -> {
                    symbols.addAll(statements(document, branch.body()));
                    symbols.addAll(statements(document, branch.elseBranch()));
                }
                case Statement.Action action -> {
                }
                case Statement.Assign assign -> {
                }
            }
        }
        return symbols;
    }

    private static DocumentSymbol parameter(OpenDocument document, Parameter parameter) {
        return symbol(document, parameter.name(), SymbolKind.Constant, document.source(parameter.value().span()),
                parameter.span(), parameter.nameSpan(), List.of());
    }

    private static DocumentSymbol let(OpenDocument document, Statement.Let let) {
        return symbol(document, let.name(), SymbolKind.Variable, document.source(let.value().span()), let.span(),
                let.nameSpan(), List.of());
    }

    private static DocumentSymbol symbol(OpenDocument document, String name, SymbolKind kind, String detail,
                                         SourceSpan span, SourceSpan selection, List<DocumentSymbol> children) {
        DocumentSymbol symbol = new DocumentSymbol(name, kind, document.range(span), document.range(selection), detail);
        symbol.setChildren(children);
        return symbol;
    }

    /** The block's keyword, which starts its span: what the outline selects. */
    private static SourceSpan keyword(SourceSpan block, String keyword) {
        return new SourceSpan(block.file(), block.line(), block.column(), block.line(),
                block.column() + keyword.length(), block.start(), block.start() + keyword.length());
    }
}
