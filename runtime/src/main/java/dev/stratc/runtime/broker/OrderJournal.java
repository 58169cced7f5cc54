package dev.stratc.runtime.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of one line per order, synced on every write, that adapters whose broker keeps no client order
 * ids use to find their orders again after a restart. A line torn by a crash (the last one) is skipped on reading.
 * What a line holds is the adapter's business; so is turning an {@link IOException} into its own error.
 */
public final class OrderJournal {

    /** Reads one line; any exception marks the line as torn. */
    @FunctionalInterface
    public interface LineParser<T> {
        T parse(String line) throws Exception;
    }

    private final Path file;

    public OrderJournal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends {@code line} and a newline, and syncs it to the disk before returning. */
    public synchronized void append(String line) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    /** The lines written so far, parsed; none if the file does not exist yet. */
    public synchronized <T> List<T> read(LineParser<T> parser) throws IOException {
        List<T> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                entries.add(parser.parse(line));
            } catch (Exception torn) {
                // the last line of a crashed process
            }
        }
        return entries;
    }
}
