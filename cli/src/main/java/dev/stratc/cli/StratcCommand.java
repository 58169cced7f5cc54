package dev.stratc.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "stratc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        scope = ScopeType.INHERIT,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Checks, backtests and runs .strat trading strategies.",
            ""
        },
        subcommands = {
            dev.stratc.cli.commands.CheckCommand.class,
            dev.stratc.cli.commands.CompileCommand.class,
            dev.stratc.cli.commands.FmtCommand.class,
            dev.stratc.cli.commands.BacktestCommand.class,
            dev.stratc.cli.commands.OptimizeCommand.class,
            dev.stratc.cli.commands.DataCommand.class,
            dev.stratc.cli.commands.FunctionsCommand.class,
            dev.stratc.cli.commands.LspCommand.class,
            dev.stratc.cli.commands.RunCommand.class,
            dev.stratc.cli.commands.KillCommand.class,
            dev.stratc.cli.commands.CollectCommand.class,
            dev.stratc.cli.commands.KafkaLocalCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   failure at run time (a broker or the network, a file that cannot be written, out of memory)",
            "  2   usage error (unknown command or option, missing argument, a value outside its range)",
            "  65  the strategy or the data is invalid (or a configuration file)",
            "  70  internal error (a bug in stratc: rerun with --stacktrace and report it)",
            "",
            "The inputs behind each code, and every option's range: docs/exit-codes.md.",
            "Documentation: docs/ in the repository, and 'stratc COMMAND --help'."
        })
public final class StratcCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Show the full stack trace of an error.")
    private boolean stackTrace;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log more: -v for progress details, -vv for debugging.")
    private boolean[] verbosity = new boolean[0];

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress bars (they are shown only on a terminal anyway).")
    private boolean quiet;

    /**
     * {@code stratc} alone names no command: that is a usage error (docs/exit-codes.md), so a script that forgot
     * its command fails instead of passing; the usage goes to stderr like every other usage error.
     */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    boolean stackTrace() {
        return stackTrace;
    }

    /** Applies the options every subcommand inherits, once the command line is parsed. */
    void applyGlobalOptions(ParseResult parseResult) {
        Terminal.quiet(quiet);
        Level level = switch (verbosity.length) {
            case 0 -> Level.WARN;
            case 1 -> Level.INFO;
            default -> Level.DEBUG;
        };
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(level);
        }
    }

    /** The names of the subcommands, for the tests of the help text. */
    List<String> subcommandNames() {
        return List.copyOf(spec.subcommands().keySet());
    }
}
