package dev.stratc.runtime.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The run's journal: every intent, order event, fill, position change, risk refusal and strategy state change,
 * as checksummed JSON lines in one file per account per trading day,
 * {@code <state-dir>/journal/<yyyy-MM-dd>/<account>.jsonl} (records about the run itself go to
 * {@code _run.jsonl}). Records carry a run-wide number {@code n}, so recovery reads the files back in the order
 * they were written. Call {@link #sync()} before an order leaves the process.
 */
public final class Journal implements AutoCloseable {
    /** The file of records that belong to no account. */
    public static final String RUN = "_run";

    private final Path directory;
    private final ZoneId zone;
    private final Map<String, JsonLines> files = new HashMap<>();
    private final Set<JsonLines> unsynced = new HashSet<>();
    private final boolean toDisk;
    private long number;

    private Journal(Path directory, ZoneId zone, long lastNumber, boolean toDisk) {
        this.directory = directory;
        this.zone = zone;
        this.number = lastNumber;
        this.toDisk = toDisk;
    }

    /** Opens the journal under {@code stateDir}, continuing the numbering of what is already there. */
    public static Journal open(Path stateDir, ZoneId zone, long lastNumber) {
        return new Journal(stateDir.resolve("journal"), zone, lastNumber, true);
    }

    /**
     * A journal whose {@link #sync()} leaves the data with the operating system instead of forcing it to the
     * disk: it survives the process being killed, not a power cut. For simulations and tests only.
     */
    public static Journal openWithoutDiskSync(Path stateDir, ZoneId zone, long lastNumber) {
        return new Journal(stateDir.resolve("journal"), zone, lastNumber, false);
    }

    /** Appends a record for {@code account} at market time {@code time}; returns its number. */
    public synchronized long append(String account, long time, ObjectNode record) {
        ObjectNode line = JsonLines.JSON.createObjectNode();
        line.put("n", ++number);
        line.put("time", time);
        line.put("account", account);
        line.setAll(record);
        JsonLines file = file(account, time);
        file.append(line);
        unsynced.add(file);
        return number;
    }

    /** Forces every file written since the last sync to the disk. */
    public synchronized void sync() {
        if (toDisk) {
            for (JsonLines file : unsynced) {
                file.sync();
            }
        }
        unsynced.clear();
    }

    private JsonLines file(String account, long time) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(time), zone);
        String key = day + "/" + account;
        return files.computeIfAbsent(key, k -> JsonLines.open(directory.resolve(day.toString())
                .resolve(account + ".jsonl")));
    }

    @Override
    public synchronized void close() {
        files.values().forEach(JsonLines::close);
        files.clear();
        unsynced.clear();
    }

    /** Everything journalled under {@code stateDir}, in the order it was written. */
    public static Replay readAll(Path stateDir) {
        Path directory = stateDir.resolve("journal");
        List<ObjectNode> records = new ArrayList<>();
        List<Path> torn = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                    JsonLines.Contents contents = JsonLines.read(path);
                    records.addAll(contents.records());
                    if (contents.tornTail()) {
                        torn.add(path);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the journal in " + directory + ": " + e.getMessage(), e);
            }
        }
        records.sort(Comparator.comparingLong(r -> r.path("n").asLong()));
        return new Replay(records, torn);
    }

    /** The journal as read back: its records in order, and the files whose last line was torn by a crash. */
    public record Replay(List<ObjectNode> records, List<Path> tornFiles) {
        public long lastNumber() {
            return records.isEmpty() ? 0 : records.getLast().path("n").asLong();
        }
    }
}
