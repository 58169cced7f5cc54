package dev.stratc.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stratc data fetch <broker>}: history from a broker into the store; one subcommand per broker. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Downloads history from a broker into the store.",
        subcommands = {DataFetchKisCommand.class, DataFetchKiwoomCommand.class, DataFetchBinanceCommand.class})
public final class DataFetchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
