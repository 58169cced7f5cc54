package dev.stratc.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.stratc.runtime.broker.SecretValues;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the {@code stratc} command line. {@link Main} and the tests use the same factory, so the tests see
 * exactly the exit codes and messages a user sees.
 */
public final class StratcCommandLine {
    private StratcCommandLine() {
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        StratcCommand root = new StratcCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        commandLine.getSubcommands().get("completion").getCommandSpec().usageMessage()
                .description("Prints a bash/zsh completion script: source <(stratc completion)");
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> {
            root.applyGlobalOptions(parseResult);
            Memory.reset();
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (OutOfMemoryError e) {
                // Picocli passes errors through. By now the stack that held the job's data has unwound, so
                // there is room again to say what happened.
                return report(commandLine.getErr(), root, CliException.failure(Memory.outOfMemory(), e));
            }
        });
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new FailureHandler(root));
        commandLine.setExitCodeExceptionMapper(exception -> exception instanceof CliException cli
                ? cli.exitCode()
                : ExitCode.INTERNAL_ERROR);
        return commandLine;
    }

    /** A wrong command line: one line saying what is wrong and where to look, then exit 2. */
    private static final class UsageErrorHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException exception, String[] args) {
            CommandLine commandLine = exception.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println(Terminal.errorPrefix() + exception.getMessage());
            if (exception instanceof UnmatchedArgumentException unmatched) {
                List<String> suggestions = unmatched.getSuggestions();
                if (!suggestions.isEmpty()) {
                    err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
                }
            }
            err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        }
    }

    /** A user's failure: its message, cleaned of secrets, and its exit code; the trace only with --stacktrace. */
    private static int report(PrintWriter err, StratcCommand root, CliException cli) {
        err.println(Terminal.errorPrefix() + SecretValues.clean(cli.getMessage()));
        if (root.stackTrace() && cli.getCause() != null) {
            cli.getCause().printStackTrace(err);
        }
        err.flush();
        return cli.exitCode();
    }

    /**
     * A failure while running: a user's failure (bad input, a broker or the network, a file, memory) prints its
     * message with its exit code; anything else is a bug (exit 70).
     */
    private record FailureHandler(StratcCommand root) implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            var translated = Failures.translate(exception);
            if (translated.isPresent()) {
                return report(err, root, translated.get());
            }
            err.println(Terminal.errorPrefix() + "internal error: " + SecretValues.clean(exception.toString()));
            if (root.stackTrace()) {
                exception.printStackTrace(err);
            } else {
                err.println("This is a bug in stratc. Run again with --stacktrace and report the output.");
            }
            return ExitCode.INTERNAL_ERROR;
        }
    }
}
