package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.run.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "kill", mixinStandardHelpOptions = true,
        description = {"Throws the kill switch of a run: no new entries until --clear.",
            "Exits still go; a person clears it with --clear. A running 'stratc run' sees it within a second; a restarted one stays stopped.",
            "Example: stratc kill momentum --reason 'news at 14:00'"})
public final class KillCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "The run's name (its strategy file name without .strat), when --state-dir is not given.")
    String run;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "The run's state directory.")
    Path stateDir;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "thrown by hand",
            description = "Why, kept with the switch and shown by the run.")
    String reason;

    @Option(names = "--clear", description = "Clear the switch: the run may enter positions again.")
    boolean clear;

    @Option(names = "--status", description = "Only say whether the switch is thrown.")
    boolean status;

    @Override
    public Integer call() {
        if (stateDir == null && run == null) {
            throw CliException.usage("name the run (stratc kill momentum) or give --state-dir DIR");
        }
        Path state = stateDir != null ? stateDir : RunState.defaultDirectory().resolveSibling(run);
        if (!Files.isDirectory(state)) {
            throw CliException.invalidInput(state + ": no run has used this state directory");
        }
        KillSwitch killSwitch = new KillSwitch(state, 0);
        PrintWriter out = spec.commandLine().getOut();
        if (status) {
            out.println(killSwitch.reason().map(r -> "THROWN: " + r).orElse("not thrown"));
        } else if (clear) {
            out.println(killSwitch.clear() ? "kill switch cleared: " + state : "the kill switch was not thrown: " + state);
        } else {
            killSwitch.engage(reason);
            out.println("kill switch thrown: " + state + " (" + reason + "); clear it with --clear");
        }
        out.flush();
        return ExitCode.OK;
    }
}
