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

/** Reads and compiles the .strat files commands are given, with one clear message when one cannot be used. */
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

    /** A runnable program for backtest, optimize and run; compile errors come out as the compiler says them. */
    static StrategyProgram compile(Path file) {
        String source = read(file);
        CompileResult result = StratCompiler.standard().compile(source, file.toString());
        if (result.hasErrors()) {
            DiagnosticRenderer renderer = new DiagnosticRenderer(Terminal.interactive());
            StringBuilder message = new StringBuilder(file + " does not compile:\n");
            long errors = 0;
            for (Diagnostic diagnostic : result.diagnostics()) {
                if (diagnostic.isError()) {
                    errors++;
                    message.append(renderer.render(diagnostic, source));
                }
            }
            message.append(DiagnosticRenderer.summary(errors, 0));
            throw CliException.invalidInput(message.toString());
        }
        return result.program();
    }

    /**
     * Where a header option ({@code allow_short: true}) is written in a strategy file, {@code line:column}
     * (1-based), for a message that names it; {@code 1:1} when the file does not spell it out.
     */
    static String headerPosition(Path file, String option) {
        String[] lines = read(file).split("\\R", -1);
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(option)
                + "\\s*:");
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher matcher = pattern.matcher(lines[i]);
            if (matcher.find()) {
                return (i + 1) + ":" + (matcher.start() + 1);
            }
        }
        return "1:1";
    }
}
