package dev.stratc.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code stratc} process. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (Memory.isOutOfMemory(failure)) {
                // A worker thread ran out: the command cannot finish correctly, so it ends as the main thread's
                // own out-of-memory does, with the message instead of a trace (shutdown hooks still run).
                err.println(Terminal.errorPrefix() + Memory.outOfMemory());
                err.flush();
                System.exit(ExitCode.FAILURE);
            }
            err.println(Terminal.errorPrefix() + "internal error in thread " + thread.getName() + ": " + failure);
            failure.printStackTrace(err);
        });
        int exitCode;
        try {
            exitCode = StratcCommandLine.create(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println(Terminal.errorPrefix() + Memory.outOfMemory());
            exitCode = ExitCode.FAILURE;
        }
        out.flush();
        err.flush();
        System.exit(exitCode);
    }
}
