package dev.stratc.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.stratc.cli.ExitCode;
import dev.stratc.compiler.Analysis;
import dev.stratc.compiler.StratCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", description = {
    "Checks .strat files: prints every error and warning with its place, and a hint where one helps.",
    "Exits 65 when a file has an error (or a warning, with --werror), 0 otherwise."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .strat files to check.")
    private List<Path> files;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for people, the default) or json (for tools and editors).")
    private DiagnosticsOutput.Format format;

    @Option(names = "--werror", description = "Treat warnings (an unused parameter or let) as errors.")
    private boolean warningsAreErrors;

    @Override
    public Integer call() {
        DiagnosticsOutput output = new DiagnosticsOutput(format, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        for (Path file : files) {
            String source = StrategyFiles.read(file);
            Analysis analysis = StratCompiler.standard().analyze(source, file.toString());
            output.add(analysis.diagnostics(), source);
            if (output.text() && !analysis.hasErrors()) {
                spec.commandLine().getOut().println(file + ": ok (" + analysis.checked().tree().name() + ")");
            }
        }
        output.finish();
        return output.failed(warningsAreErrors) ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }
}
