package dev.stratc.cli.commands;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.launch.LSPLauncher;

import dev.stratc.cli.VersionProvider;
import dev.stratc.cli.lsp.StratLanguageServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "lsp",
        description = {
            "Runs the .strat language server over stdin/stdout for editors (the VS Code extension starts it).",
            "It reports the compiler's diagnostics as you type, and offers hover, completion, signature help,",
            "go to definition, the outline and formatting. It speaks the Language Server Protocol; logs go to stderr."
        })
public final class LspCommand implements Callable<Integer> {

    @Option(names = "--stdio", description = "Accepted for clients that pass it: stdin/stdout is the only transport.")
    private boolean stdio;

    @Override
    public Integer call() throws InterruptedException {
        // stdout carries the protocol: anything else printed there would corrupt it, so it goes to stderr.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try {
            return serve(System.in, protocol);
        } finally {
            System.setOut(protocol);
        }
    }

    /** Serves one client until it sends {@code exit} or closes the stream; returns the process exit code. */
    public static int serve(InputStream in, OutputStream out) throws InterruptedException {
        String version = new VersionProvider().getVersion()[0].replaceFirst("^stratc ", "");
        StratLanguageServer server = new StratLanguageServer(version);
        var launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread.ofVirtual().name("lsp-disconnect").start(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException closed) {
                // Either way the client is gone.
            } finally {
                server.disconnected();
            }
        });
        try {
            return server.exitCode().get();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        }
    }
}
