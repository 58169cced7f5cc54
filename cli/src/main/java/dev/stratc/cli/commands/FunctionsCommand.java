package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.util.List;

import dev.stratc.cli.CliException;
import dev.stratc.indicators.catalog.FunctionRegistry;
import dev.stratc.indicators.catalog.FunctionSpec;
import dev.stratc.indicators.docs.FunctionReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratc functions [NAME]}: the function catalogue, from the registry the compiler uses. */
@Command(name = "functions",
        description = {"Lists the functions a strategy can call, or shows one with its parameters and an example."},
        footer = {"", "Examples:", "  stratc functions", "  stratc functions macd",
            "  stratc functions --markdown > docs/functions.md"})
public final class FunctionsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A function to describe, e.g. rsi.")
    private String name;

    @Option(names = "--markdown", description = "Print the whole reference as Markdown (docs/functions.md).")
    private boolean markdown;

    @Override
    public void run() {
        FunctionRegistry registry = FunctionRegistry.standard();
        PrintWriter out = spec.commandLine().getOut();
        if (markdown && name != null) {
            throw CliException.usage("--markdown prints the whole reference; leave out the name '" + name + "'");
        }
        if (markdown) {
            out.print(FunctionReference.markdown(registry));
        } else if (name == null) {
            out.print(FunctionReference.overview(registry));
        } else {
            FunctionSpec function = registry.find(name).orElseThrow(() -> unknown(registry, name));
            out.print(FunctionReference.detail(function));
        }
        out.flush();
    }

    private static CliException unknown(FunctionRegistry registry, String name) {
        List<String> similar = registry.similarNames(name);
        String hint = similar.isEmpty() ? "run 'stratc functions' for the list"
                : "did you mean " + String.join(" or ", similar.stream().limit(3).toList()) + "?";
        return CliException.usage("no function '" + name + "' in the catalogue; " + hint);
    }
}
