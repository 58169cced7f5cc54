package dev.stratc.cli.lsp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

import dev.stratc.cli.lsp.SourceTokens.Lexeme;

/** Open documents, analysed on every change; each request reads the latest analysis of its document. */
final class StratTextDocumentService implements TextDocumentService {
    private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();
    private final LanguageCatalog catalog = LanguageCatalog.standard();
    private final Hovers hovers = new Hovers(catalog);
    private final Completions completions = new Completions(catalog);
    private final SignatureHelps signatureHelps = new SignatureHelps(catalog);
    private volatile LanguageClient client;

    void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var document = params.getTextDocument();
        update(document.getUri(), document.getVersion(), document.getText());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        // Full synchronisation: the last change holds the whole text.
        var changes = params.getContentChanges();
        if (!changes.isEmpty()) {
            var document = params.getTextDocument();
            update(document.getUri(), document.getVersion(), changes.getLast().getText());
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.remove(uri);
        publish(new PublishDiagnosticsParams(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // Diagnostics follow every change already; saving changes nothing.
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return CompletableFuture.completedFuture(document(params.getTextDocument())
                .flatMap(document -> hovers.at(document, document.text().offset(params.getPosition())))
                .orElse(null));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        List<CompletionItem> items = document(params.getTextDocument())
                .map(document -> completions.at(document, document.text().offset(params.getPosition())))
                .orElse(List.of());
        return CompletableFuture.completedFuture(Either.forLeft(items));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return CompletableFuture.completedFuture(document(params.getTextDocument())
                .map(SemanticHighlighting::of)
                .orElse(null));
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return CompletableFuture.completedFuture(document(params.getTextDocument())
                .flatMap(document -> signatureHelps.at(document, document.text().offset(params.getPosition())))
                .orElse(null));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        List<Location> locations = document(params.getTextDocument())
                .flatMap(document -> definition(document, params.getPosition()))
                .map(List::of)
                .orElse(List.of());
        return CompletableFuture.completedFuture(Either.forLeft(locations));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return CompletableFuture.completedFuture(document(params.getTextDocument())
                .map(DocumentSymbols::of)
                .orElse(List.of())
                .stream()
                .map(Either::<SymbolInformation, DocumentSymbol>forRight)
                .toList());
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return CompletableFuture.completedFuture(document(params.getTextDocument())
                .flatMap(Formatting::edit)
                .map(List::of)
                .orElse(List.of()));
    }

    private static Optional<Location> definition(OpenDocument document, Position position) {
        int offset = document.text().offset(position);
        return document.tokens().at(offset)
                .filter(Lexeme::isName)
                .filter(name -> !document.tokens().isCalled(name) && !document.tokens().isMember(name)
                        && !document.tokens().isLabel(name))
                .flatMap(name -> document.declarations()
                        .resolve(name.text(), document.codePointOffset(name.start())))
                .map(declaration -> new Location(document.uri(), document.range(declaration.nameSpan())));
    }

    private Optional<OpenDocument> document(TextDocumentIdentifier identifier) {
        return Optional.ofNullable(documents.get(identifier.getUri()));
    }

    private void update(String uri, int version, String text) {
        OpenDocument document = OpenDocument.of(uri, text);
        documents.put(uri, document);
        publish(new PublishDiagnosticsParams(uri, Diagnostics.of(document), version));
    }

    private void publish(PublishDiagnosticsParams diagnostics) {
        LanguageClient connected = client;
        if (connected != null) {
            connected.publishDiagnostics(diagnostics);
        }
    }
}
