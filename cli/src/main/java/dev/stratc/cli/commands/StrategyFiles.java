package dev.stratc.cli.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.stratc.cli.CliException;
import dev.stratc.cli.Terminal;
import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.compiler.diagnostics.Diagnostic;
import dev.stratc.compiler.diagnostics.DiagnosticRenderer;
import dev.stratc.strategy.StrategyProgram;

/** Turns a .strat file into a runnable program for backtest and optimize; errors come out as the compiler says them. */
final class StrategyFiles {
    private StrategyFiles() {
    }

    static StrategyProgram compile(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.invalidInput(file + ": no such file");
        } catch (IOException e) {
            throw CliException.invalidInput(file + ": cannot read: " + e.getMessage(), e);
        }
        CompileResult result = StratCompiler.standard().compile(source, file.toString());
        if (result.hasErrors()) {
            DiagnosticRenderer renderer = new DiagnosticRenderer(Terminal.interactive());
            StringBuilder sb = new StringBuilder(file + " does not compile:\n");
            long errors = 0;
            for (Diagnostic d : result.diagnostics()) {
                if (d.isError()) {
                    errors++;
                    sb.append(renderer.render(d, source));
                }
            }
            sb.append(DiagnosticRenderer.summary(errors, 0));
            throw CliException.invalidInput(sb.toString());
        }
        return result.program();
    }
}
