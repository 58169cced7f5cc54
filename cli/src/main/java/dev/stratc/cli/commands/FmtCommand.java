package dev.stratc.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.stratc.cli.CliException;
import dev.stratc.cli.ExitCode;
import dev.stratc.compiler.Analysis;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.format.Formatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fmt", description = {
    "Rewrites .strat files in the one canonical layout, keeping every comment.",
    "With --check, changes nothing, shows a unified diff of what fmt would change, and exits 1 when a file is not formatted."})
public final class FmtCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .strat files to format.")
    private List<Path> files;

    @Option(names = "--check", description = "List the files that would change with a unified diff of each, and exit 1 if there are any.")
    private boolean check;

    @Override
    public Integer call() {
        DiagnosticsOutput output = new DiagnosticsOutput(DiagnosticsOutput.Format.text, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        int unformatted = 0;
        for (Path file : files) {
            String source = StrategyFiles.read(file);
            Analysis analysis = StratCompiler.standard().analyze(source, file.toString());
            if (analysis.parsed().tree() == null || analysis.diagnostics().stream()
                    .anyMatch(d -> d.code().isSyntax())) {
                output.add(analysis.diagnostics().stream().filter(d -> d.code().isSyntax()).toList(), source);
                continue;
            }
            String formatted = Formatter.format(analysis.parsed());
            if (formatted.equals(source)) {
                continue;
            }
            unformatted++;
            if (check) {
                spec.commandLine().getOut().println(file + ": not formatted");
                spec.commandLine().getOut().print(UnifiedDiff.of(file.toString(), source, formatted));
            } else {
                write(file, formatted);
                spec.commandLine().getOut().println(file + ": formatted");
            }
        }
        output.finish();
        if (output.errors() > 0) {
            return ExitCode.INVALID_INPUT;
        }
        return check && unformatted > 0 ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static void write(Path file, String text) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".fmt.tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw CliException.failure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
