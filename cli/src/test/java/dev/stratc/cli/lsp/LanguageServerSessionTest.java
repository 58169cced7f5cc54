package dev.stratc.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.stratc.cli.commands.LspCommand;
import dev.stratc.indicators.catalog.FunctionRegistry;

/**
 * A scripted editor session against {@code stratc lsp}'s server, over the real JSON-RPC framing on a pair of
 * pipes: what VS Code sends and what it receives back.
 */
class LanguageServerSessionTest {
    private static final String URI = "file:///work/strategies/surge.strat";

    // Line 6 (0-based) has an unknown function 'rsii' at characters 34..38.
    private static final String BROKEN = """
            strategy("Surge") {
              parameters {
                length = 14
                limit = 70
              }
              scan {
                when (close > sma(length) AND rsii(14) < limit) {
                  signal("UP", { price: close })
                }
              }
              entry {
                on signal("UP") {
                  buy(quantity: 10)
                }
              }
            }
            """;
    private static final String FIXED = BROKEN.replace("rsii(", "rsi(");

    private final RecordingClient client = new RecordingClient();
    private LanguageServer server;
    private CompletableFuture<Integer> serverExit;

    @BeforeEach
    void connect() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        serverExit = CompletableFuture.supplyAsync(() -> {
            try {
                return LspCommand.serve(serverIn, serverOut);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        });
        var launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();

        InitializeParams initialize = new InitializeParams();
        initialize.setCapabilities(new ClientCapabilities());
        InitializeResult result = server.initialize(initialize).get(10, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());

        assertThat(result.getServerInfo().getName()).isEqualTo("stratc");
        assertThat(result.getCapabilities().getHoverProvider().getLeft()).isTrue();
        assertThat(result.getCapabilities().getCompletionProvider()).isNotNull();
        assertThat(result.getCapabilities().getDefinitionProvider().getLeft()).isTrue();
        assertThat(result.getCapabilities().getSignatureHelpProvider().getTriggerCharacters()).contains("(", ",");
        assertThat(result.getCapabilities().getDocumentSymbolProvider().getLeft()).isTrue();
        assertThat(result.getCapabilities().getDocumentFormattingProvider().getLeft()).isTrue();
    }

    @AfterEach
    void shutDown() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        assertThat(serverExit.get(10, TimeUnit.SECONDS)).as("exit code after shutdown and exit").isZero();
    }

    @Test
    void anErrorIsReportedWhereTheCompilerFindsItAndClearedOnceFixed() throws Exception {
        open(BROKEN);

        PublishDiagnosticsParams published = client.nextDiagnostics();
        assertThat(published.getUri()).isEqualTo(URI);
        assertThat(published.getDiagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.getCode().getLeft()).isEqualTo("S008");
            assertThat(diagnostic.getSource()).isEqualTo("stratc");
            assertThat(diagnostic.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(diagnostic.getRange()).isEqualTo(range(6, 34, 6, 38));
            assertThat(diagnostic.getMessage()).contains("unknown function 'rsii'").contains("rsi");
        });

        change(2, FIXED);

        PublishDiagnosticsParams fixed = client.nextDiagnostics();
        assertThat(fixed.getVersion()).isEqualTo(2);
        assertThat(fixed.getDiagnostics()).isEmpty();
    }

    @Test
    void positionsCountUtf16UnitsAsEditorsDo() throws Exception {
        // The emoji is one code point for the compiler and two UTF-16 units for the editor.
        open(BROKEN.replace("when (close", "when (/* 🚀 */ close"));

        Diagnostic diagnostic = client.nextDiagnostics().getDiagnostics().getFirst();
        assertThat(diagnostic.getRange()).isEqualTo(range(6, 34 + 9, 6, 38 + 9));
    }

    @Test
    void closingADocumentClearsItsDiagnostics() throws Exception {
        open(BROKEN);
        assertThat(client.nextDiagnostics().getDiagnostics()).isNotEmpty();

        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));

        assertThat(client.nextDiagnostics().getDiagnostics()).isEmpty();
    }

    @Test
    void hoverOnAnIndicatorShowsItsRegistryDocumentation() throws Exception {
        open(FIXED);
        client.nextDiagnostics();

        Hover hover = server.getTextDocumentService()
                .hover(new HoverParams(document(), new Position(6, 35)))
                .get(10, TimeUnit.SECONDS);

        var rsi = FunctionRegistry.standard().find("rsi").orElseThrow();
        assertThat(hover.getContents().getRight().getValue())
                .contains(rsi.signature())
                .contains(rsi.summary())
                .contains("`length`");
        assertThat(hover.getRange()).isEqualTo(range(6, 34, 6, 37));
    }

    @Test
    void hoverOnAParameterShowsItsDeclarationAndOnANamedArgumentItsMeaning() throws Exception {
        open(FIXED);
        client.nextDiagnostics();

        String parameter = hoverText(6, 24);
        String namedArgument = hoverText(12, 10);

        assertThat(parameter).contains("length = 14").contains("-P length=");
        assertThat(namedArgument).contains("quantity").contains("How much");
    }

    @Test
    void hoverAndCompletionKnowVarsAndFunctions() throws Exception {
        open("""
                strategy("State") {
                  var stop_price = na
                  fn spread(a, b) = a - b
                  entry {
                    if (spread(close, open) > 1) {
                      stop_price := low
                      buy()
                    } else {
                      log(sp)
                    }
                  }
                }
                """);
        client.nextDiagnostics();

        assertThat(hoverText(4, 10)).contains("fn spread(a, b)").contains("inlined");
        assertThat(hoverText(5, 8)).contains("var stop_price = na").contains("bar to bar");
        assertThat(hoverText(2, 20)).contains("parameter of the function");
        List<CompletionItem> items = complete(8, 12);
        CompletionItem spread = items.stream().filter(item -> item.getLabel().equals("spread")).findFirst()
                .orElseThrow();
        assertThat(spread.getKind()).isEqualTo(org.eclipse.lsp4j.CompletionItemKind.Function);
        assertThat(spread.getInsertText()).isEqualTo("spread($0)");
        assertThat(items).extracting(CompletionItem::getLabel).contains("stop_price", "if", "else", "var", "fn");
    }

    @Test
    void completionAfterAPrefixOffersTheMatchingFunctions() throws Exception {
        open(FIXED.replace("rsi(14)", "rs"));
        client.nextDiagnostics();

        List<CompletionItem> items = complete(6, 36);

        assertThat(items).extracting(CompletionItem::getLabel)
                .contains("rsi", "length", "limit", "close", "when");
        CompletionItem rsi = items.stream().filter(item -> item.getLabel().equals("rsi")).findFirst().orElseThrow();
        assertThat(rsi.getDetail()).isEqualTo(FunctionRegistry.standard().find("rsi").orElseThrow().signature());
    }

    @Test
    void nothingIsCompletedInsideACommentOrAString() throws Exception {
        open(FIXED.replace("signal(\"UP\", {", "signal(\"U\", { // pri"));
        client.nextDiagnostics();

        assertThat(complete(7, 22)).as("end of a line comment").isEmpty();
        assertThat(complete(7, 15)).as("inside a string").isEmpty();
        assertThat(complete(7, 16)).as("just after the string").isNotEmpty();
    }

    @Test
    void completionInsideACallOffersItsNamedArgumentsNotYetGiven() throws Exception {
        open(FIXED.replace("buy(quantity: 10)", "buy(quantity: 10, )"));
        client.nextDiagnostics();

        List<CompletionItem> items = complete(12, 24);

        assertThat(items).extracting(CompletionItem::getLabel)
                .contains("type:", "account:", "price:", "tag:")
                .doesNotContain("quantity:");
    }

    @Test
    void inAnOnSignalHandlerSignalDotOffersThePayloadTheScanEmits() throws Exception {
        open(FIXED.replace("buy(quantity: 10)", "log(signal.)"));
        client.nextDiagnostics();

        List<CompletionItem> items = complete(12, 17);
        String handler = hoverText(11, 8);

        assertThat(items).extracting(CompletionItem::getLabel, CompletionItem::getDetail)
                .containsExactly(tuple("price", "close"));
        assertThat(handler).contains("on signal(\"NAME\")").contains("`signal.key` reads its payload");
    }

    @Test
    void strategyDotOffersTheStrategysRecordAndHoverExplainsAField() throws Exception {
        open(FIXED.replace("buy(quantity: 10)", "log(strategy.)"));
        client.nextDiagnostics();
        List<CompletionItem> items = complete(12, 19);
        assertThat(items).extracting(CompletionItem::getLabel)
                .contains("equity", "cash", "closed_trades", "win_rate", "avg_win", "avg_loss", "max_drawdown");

        change(2, FIXED.replace("buy(quantity: 10)", "log(strategy.win_rate)"));
        client.nextDiagnostics();
        assertThat(hoverText(12, 22)).contains("strategy.win_rate -> percent").contains("closed trades");
    }

    @Test
    void signatureHelpHighlightsTheArgumentBeingTyped() throws Exception {
        open(FIXED.replace("rsi(14)", "rsi(close, ").replace("buy(quantity: 10)", "buy(quantity: 10, type: "));
        client.nextDiagnostics();

        SignatureHelp positional = signatureHelp(6, 45);
        SignatureHelp named = signatureHelp(12, 30);

        var rsi = FunctionRegistry.standard().find("rsi").orElseThrow();
        assertThat(positional.getSignatures().getFirst().getLabel()).isEqualTo(rsi.signature());
        assertThat(positional.getActiveParameter()).as("the second argument, length").isEqualTo(1);
        assertThat(named.getSignatures().getFirst().getLabel()).startsWith("buy(quantity = ");
        assertThat(named.getActiveParameter()).as("type, the second parameter of buy").isEqualTo(1);
    }

    @Test
    void definitionOfAParameterUseIsItsDeclaration() throws Exception {
        open(FIXED);
        client.nextDiagnostics();

        assertThat(definition(6, 47)).isEqualTo(range(3, 4, 3, 9));
    }

    @Test
    void definitionOfALetUseIsItsDeclarationInTheBlockOrAtStrategyLevel() throws Exception {
        open("""
                strategy("Lets") {
                  let fast = sma(close, 5)
                  scan {
                    let slow = sma(close, 20)
                    when (fast > slow) { signal("X") }
                  }
                }
                """);
        client.nextDiagnostics();

        assertThat(definition(4, 11)).isEqualTo(range(1, 6, 1, 10));
        assertThat(definition(4, 18)).isEqualTo(range(3, 8, 3, 12));
    }

    @Test
    void semanticTokensMarkParametersWhereverTheyAreUsed() throws Exception {
        open(FIXED);
        client.nextDiagnostics();

        List<Integer> data = server.getTextDocumentService()
                .semanticTokensFull(new SemanticTokensParams(document()))
                .get(10, TimeUnit.SECONDS)
                .getData();

        // Decoded: line, character, length, modifiers (1 = declaration, 2 = readonly); close and rsi are not ours.
        List<List<Integer>> decoded = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i < data.size(); i += 5) {
            character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
            line += data.get(i);
            decoded.add(List.of(line, character, data.get(i + 2), data.get(i + 4)));
        }
        assertThat(decoded).containsExactly(
                List.of(2, 4, 6, 3), List.of(3, 4, 5, 3), List.of(6, 22, 6, 2), List.of(6, 44, 5, 2));
    }

    @Test
    void theOutlineHasTheStrategyItsBlocksAndItsParameters() throws Exception {
        open(FIXED);
        client.nextDiagnostics();

        List<DocumentSymbol> symbols = server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(document()))
                .get(10, TimeUnit.SECONDS)
                .stream().map(Either::getRight).toList();

        DocumentSymbol strategy = symbols.getFirst();
        assertThat(strategy.getName()).isEqualTo("Surge");
        assertThat(strategy.getChildren()).extracting(DocumentSymbol::getName)
                .containsExactly("parameters", "scan", "entry");
        assertThat(strategy.getChildren().getFirst().getChildren())
                .extracting(DocumentSymbol::getName, DocumentSymbol::getDetail)
                .containsExactly(tuple("length", "14"),
                        tuple("limit", "70"));
        assertThat(strategy.getChildren().get(2).getChildren()).extracting(DocumentSymbol::getName)
                .containsExactly("on signal(\"UP\")");
    }

    @Test
    void formattingGivesStratcFmtsLayoutAsOneEdit() throws Exception {
        open(FIXED.replace("    length = 14", "length   =   14")
                .replace("      buy(quantity: 10)", "buy( quantity : 10 )"));
        client.nextDiagnostics();

        List<? extends TextEdit> edits = format();

        assertThat(edits).singleElement().satisfies(edit -> {
            assertThat(edit.getRange()).isEqualTo(range(0, 0, 16, 0));
            assertThat(edit.getNewText()).as("canonical layout: a blank line between blocks")
                    .isEqualTo(FIXED.replace("  }\n  scan", "  }\n\n  scan").replace("  }\n  entry", "  }\n\n  entry"));
        });
    }

    @Test
    void formattingLeavesAFileWithSyntaxErrorsAlone() throws Exception {
        open(FIXED.replace("limit = 70", "limit = "));
        assertThat(client.nextDiagnostics().getDiagnostics()).isNotEmpty();

        assertThat(format()).isEmpty();
    }

    private List<? extends TextEdit> format() throws Exception {
        return server.getTextDocumentService()
                .formatting(new DocumentFormattingParams(document(), new FormattingOptions(2, true)))
                .get(10, TimeUnit.SECONDS);
    }

    private void open(String text) {
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "strat", 1, text)));
    }

    private void change(int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    private SignatureHelp signatureHelp(int line, int character) throws Exception {
        return server.getTextDocumentService()
                .signatureHelp(new SignatureHelpParams(document(), new Position(line, character)))
                .get(10, TimeUnit.SECONDS);
    }

    /** The range of the one definition found, in this document. */
    private Range definition(int line, int character) throws Exception {
        List<? extends Location> locations = server.getTextDocumentService()
                .definition(new DefinitionParams(document(), new Position(line, character)))
                .get(10, TimeUnit.SECONDS)
                .getLeft();
        assertThat(locations).singleElement().extracting(Location::getUri).isEqualTo(URI);
        return locations.getFirst().getRange();
    }

    private String hoverText(int line, int character) throws Exception {
        return server.getTextDocumentService()
                .hover(new HoverParams(document(), new Position(line, character)))
                .get(10, TimeUnit.SECONDS)
                .getContents().getRight().getValue();
    }

    private List<CompletionItem> complete(int line, int character) throws Exception {
        return server.getTextDocumentService()
                .completion(new CompletionParams(document(), new Position(line, character)))
                .get(10, TimeUnit.SECONDS)
                .getLeft();
    }

    private static TextDocumentIdentifier document() {
        return new TextDocumentIdentifier(URI);
    }

    private static Range range(int line, int character, int endLine, int endCharacter) {
        return new Range(new Position(line, character), new Position(endLine, endCharacter));
    }

    /** The editor's side: records what the server pushes. */
    private static final class RecordingClient implements LanguageClient {
        private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

        PublishDiagnosticsParams nextDiagnostics() throws InterruptedException {
            PublishDiagnosticsParams next = diagnostics.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("diagnostics published within 10 s").isNotNull();
            return next;
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }
}
