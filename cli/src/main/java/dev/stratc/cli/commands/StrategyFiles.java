package dev.stratc.cli.commands;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
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

/** Reads the .strat files commands are given, with one clear message when one cannot be read. */
final class StrategyFiles {
    private StrategyFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.invalidInput(file + ": no such file");
        } catch (MalformedInputException e) {
            throw CliException.invalidInput(file + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw CliException.invalidInput(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The runnable program of {@code file} (backtest, optimize); its compile errors as one invalid-input error. */
    static StrategyProgram compile(Path file) {
        String source = read(file);
        CompileResult result = StratCompiler.standard().compile(source, file.toString());
        if (result.hasErrors()) {
            DiagnosticRenderer renderer = new DiagnosticRenderer(Terminal.interactive());
            StringBuilder message = new StringBuilder(file + " does not compile:\n");
            long errors = 0;
            for (Diagnostic d : result.diagnostics()) {
                if (d.isError()) {
                    errors++;
                    message.append(renderer.render(d, source));
                }
            }
            throw CliException.invalidInput(message.append(DiagnosticRenderer.summary(errors, 0)).toString());
        }
        return result.program();
    }
}
