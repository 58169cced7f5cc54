package dev.stratc.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.strategy.StrategyInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compile", description = {
    "Compiles a .strat file to a runnable strategy (Java compiled in memory) and reports what it became.",
    "With --emit-java, also writes the generated Java so you can read it."})
public final class CompileCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The .strat file to compile.")
    private Path file;

    @Option(names = "--emit-java", paramLabel = "DIR", description = "Write the generated Java source into DIR.")
    private Path emitJava;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "How to print diagnostics: text (the default) or json.")
    private DiagnosticsOutput.Format format;

    @Option(names = "--werror", description = "Treat warnings as errors.")
    private boolean warningsAreErrors;

    @Override
    public Integer call() {
        String source = StrategyFiles.read(file);
        CompileResult result = StratCompiler.standard().compile(source, file.toString());
        DiagnosticsOutput output = new DiagnosticsOutput(format, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        output.add(result.diagnostics(), source);
        if (!result.hasErrors() && !output.failed(warningsAreErrors)) {
            if (emitJava != null) {
                write(result);
            }
            if (output.text()) {
                StrategyInfo info = result.program().info();
                spec.commandLine().getOut().println(file + ": compiled " + info.name() + " ("
                        + info.parameters().size() + " parameters, signals " + info.signals() + ")");
            }
        }
        output.finish();
        return output.failed(warningsAreErrors) ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }

    private void write(CompileResult result) {
        String className = result.generated().className();
        Path target = emitJava.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        try {
            Files.createDirectories(emitJava);
            Files.writeString(target, result.javaSource());
        } catch (IOException e) {
            throw CliException.failure("cannot write " + target + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("wrote " + target);
    }
}
