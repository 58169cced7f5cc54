package dev.stratc.cli.commands;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code log(…)} lines of a backtest: every one into {@code log.txt} next to the report when there is one,
 * and the first {@link #SHOWN} on the console after the summary, with a count of the rest, so that a strategy
 * logging on every bar of 2,700 symbols does not flood the terminal.
 */
final class BacktestLog implements Consumer<String>, AutoCloseable {
    static final int SHOWN = 20;
    static final String FILE = "log.txt";

    private final Path file;
    private final BufferedWriter writer;
    private final List<String> first = new ArrayList<>();
    private long count;

    /** @param directory the report's directory, or {@code null} when no report is written */
    BacktestLog(Path directory) throws IOException {
        if (directory == null) {
            file = null;
            writer = null;
        } else {
            Files.createDirectories(directory);
            file = directory.resolve(FILE);
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void accept(String line) {
        count++;
        if (first.size() < SHOWN) {
            first.add(line);
        }
        if (writer != null) {
            try {
                writer.write(line);
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The first lines, and where the others are. Nothing when the strategy logged nothing. */
    void print(PrintWriter out) {
        if (count == 0) {
            return;
        }
        out.println();
        out.println("log (" + count + " line" + (count == 1 ? "" : "s") + "):");
        first.forEach(line -> out.println("  " + line));
        if (count > first.size()) {
            out.println("  … " + (count - first.size()) + " more"
                    + (file != null ? " in " + file : "; --out DIR writes every line to DIR/" + FILE));
        } else if (file != null) {
            out.println("  (also in " + file + ")");
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
