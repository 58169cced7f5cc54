package dev.stratc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One run of the stratc command line, in process, with its output captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return run(StratcCommandLine.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                args);
    }

    /** Runs a command line built by {@link StratcCommandLine#create}, possibly extended by the test. */
    static CliRun run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
