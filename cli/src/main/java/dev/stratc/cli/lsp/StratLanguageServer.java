package dev.stratc.cli.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The .strat language server: the compiler's diagnostics, and hover, completion, definitions, symbols and
 * formatting, for any editor that speaks the Language Server Protocol.
 */
public final class StratLanguageServer implements LanguageServer, LanguageClientAware {
    private final StratTextDocumentService documents = new StratTextDocumentService();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final String version;
    private volatile boolean shutdownRequested;

    public StratLanguageServer(String version) {
        this.version = version;
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
        capabilities.setHoverProvider(true);
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of(".", "(", ",")));
        capabilities.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","), List.of(" ")));
        capabilities.setDefinitionProvider(true);
        capabilities.setSemanticTokensProvider(
                new SemanticTokensWithRegistrationOptions(SemanticHighlighting.LEGEND, true));
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setDocumentFormattingProvider(true);
        return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("stratc", version)));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        return CompletableFuture.completedFuture(null);
    }

    /** The protocol's exit: 0 after a shutdown request, 1 when the client skipped it. */
    @Override
    public void exit() {
        exitCode.complete(shutdownRequested ? 0 : 1);
    }

    /** The client closed the connection: the same as {@code exit}, as editors do not always send it. */
    public void disconnected() {
        exit();
    }

    /**
     * Completes when the client sends {@code exit} or disconnects, with the process exit code the protocol
     * prescribes.
     */
    public CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) {
                // The server has no settings of its own.
            }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
                // Each .strat file is a whole program; other files do not change its diagnostics.
            }
        };
    }
}
