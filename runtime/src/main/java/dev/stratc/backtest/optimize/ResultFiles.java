package dev.stratc.backtest.optimize;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * An optimisation's results written as its trials finish, so a long search can be watched (and a stopped one
 * keeps what it found): {@code runs.csv} gets each trial's row the moment it finishes (in the order they
 * finish, flushed), and {@code top.csv} always holds the best {@code top} so far, best first, replaced whole
 * (written beside and moved over it) each time a finished trial enters it. {@link #close()} rewrites
 * {@code runs.csv} in run order, so the finished file does not depend on thread scheduling.
 */
public final class ResultFiles implements Consumer<Optimizer.Run>, AutoCloseable {
    private final Path runs;
    private final Path topFile;
    private final List<String> names;
    private final int top;
    private final BufferedWriter writer;
    private final TreeSet<Optimizer.Run> best = new TreeSet<>(Optimizer.BEST_FIRST);
    private final List<Optimizer.Run> all = new ArrayList<>();

    /** Starts {@code runs.csv} and {@code top.csv} (header only) in {@code directory}, creating it. */
    public ResultFiles(Path directory, List<String> names, int top) throws IOException {
        Files.createDirectories(directory);
        this.runs = directory.resolve("runs.csv");
        this.topFile = directory.resolve("top.csv");
        this.names = List.copyOf(names);
        this.top = top;
        this.writer = Files.newBufferedWriter(runs, StandardCharsets.UTF_8);
        writer.write(Optimizer.csvHeader(names));
        writer.flush();
        writeTop();
    }

    public Path runsFile() {
        return runs;
    }

    public Path topFile() {
        return topFile;
    }

    /** A finished trial (called from the optimiser's worker threads). */
    @Override
    public synchronized void accept(Optimizer.Run run) {
        try {
            writer.write(Optimizer.csvRow(run, names));
            writer.flush();
            all.add(run);
            best.add(run);
            boolean entered = true;
            if (best.size() > top) {
                entered = best.pollLast() != run;
            }
            if (entered) {
                writeTop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runs.getParent() + ": " + e.getMessage(), e);
        }
    }

    private void writeTop() throws IOException {
        Path partial = topFile.resolveSibling(topFile.getFileName() + ".partial");
        StringBuilder text = new StringBuilder(Optimizer.csvHeader(names));
        for (Optimizer.Run run : best) {
            text.append(Optimizer.csvRow(run, names));
        }
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, topFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Closes {@code runs.csv}, rewritten in run order. */
    @Override
    public synchronized void close() throws IOException {
        writer.close();
        Optimizer.writeRuns(all, names, runs);
    }
}
