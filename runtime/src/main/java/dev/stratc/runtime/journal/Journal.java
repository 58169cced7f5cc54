package dev.stratc.runtime.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
 * as checksummed JSON lines ({@link JsonLines}) in one file per account per trading day,
 * {@code <state-dir>/journal/<yyyy-MM-dd>/<account>.jsonl} (records about the run itself go to
 * {@code _run.jsonl}). Records carry a run-wide number {@code n}, so recovery reads the files back in the order
 * they were written. Call {@link #sync()} before an order leaves the process.
 *
 * <p>Each day file begins with a {@code chain} line naming the account's previous day file and the number and
 * checksum of its last line, so a day file deleted, moved or swapped is named when the run starts rather than
 * silently leaving a hole in the books. Day files written before chain lines existed are read as they are.
 */
public final class Journal implements AutoCloseable {
    /** The file of records that belong to no account. */
    public static final String RUN = "_run";
    /** The type of the first line of each day file. */
    static final String CHAIN = "chain";

    private final Path directory;
    private final ZoneId zone;
    private final Map<String, JsonLines> files = new HashMap<>();
    private final Map<String, Link> lastLines = new HashMap<>();
    /** Each account's latest day file, written or found on the disk: a record never goes to an earlier one. */
    private final Map<String, LocalDate> latestDays = new HashMap<>();
    private final Set<JsonLines> unsynced = new HashSet<>();
    private final boolean toDisk;
    /** Whether records are numbered and dropped ({@link #discarding}): the benchmarks' journal-off peer. */
    private final boolean discard;
    private long number;
    /** How many {@link #hold()}s are open: while one is, appends collect in {@link #pending}. */
    private int holds;
    private boolean groupCommit = true;
    /**
     * Lines appended under a hold and not yet written, in the order of their numbers: consecutive lines of one
     * file form one segment, so writing the segments in turn keeps what is on the disk a prefix of the records.
     */
    private final List<Segment> pending = new ArrayList<>();

    /** Lines for one file, sealed and waiting to be written with one write. */
    private record Segment(JsonLines file, StringBuilder lines) {
    }

    /** The last line of an account's day file: what the next day file chains to. */
    private record Link(String file, long n, String crc) {
    }

    private Journal(Path directory, ZoneId zone, long lastNumber, boolean toDisk) {
        this(directory, zone, lastNumber, toDisk, false);
    }

    private Journal(Path directory, ZoneId zone, long lastNumber, boolean toDisk, boolean discard) {
        this.directory = directory;
        this.zone = zone;
        this.number = lastNumber;
        this.toDisk = toDisk;
        this.discard = discard;
    }

    /**
     * A journal that numbers its records and keeps none: nothing survives the process. Only for measuring what
     * the journal costs (the benchmarks' journal-off peer); a run never uses it.
     */
    public static Journal discarding(ZoneId zone) {
        return new Journal(Path.of("journal"), zone, 0, false, true);
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
        if (discard) {
            return ++number;
        }
        ObjectNode line = JsonLines.JSON.createObjectNode();
        line.put("n", ++number);
        line.put("time", time);
        line.put("account", account);
        line.setAll(record);
        LocalDate day = dayFor(account, LocalDate.ofInstant(Instant.ofEpochMilli(time), zone));
        JsonLines file = file(account, day);
        String crc;
        if (holds > 0) {
            Segment last = pending.isEmpty() ? null : pending.getLast();
            if (last == null || last.file() != file) {
                last = new Segment(file, new StringBuilder(512));
                pending.add(last);
            }
            crc = JsonLines.seal(line, last.lines());
        } else {
            crc = file.append(line);
        }
        lastLines.put(account, new Link(name(day, account), number, crc));
        unsynced.add(file);
        return number;
    }

    /**
     * Group commit: until the matching {@link #release()}, appended records are kept in memory and written
     * together, one write per run of consecutive records of one file, by {@link #release()} or by the
     * {@link #sync()} that precedes an order. The engine holds the journal for the length of one market event,
     * so the 3–6 records an order's event produces cost one or two writes instead of one each. A process killed
     * during the hold loses only records of the event in progress that no order has followed out of the
     * process: nothing unwritten ever precedes an order, and what is on the disk stays a prefix of the records
     * in the order of their numbers.
     */
    public synchronized void hold() {
        if (groupCommit) {
            holds++;
        }
    }

    /**
     * Turns group commit off: every record is written as it is appended, as before it existed. Only for
     * measuring what group commit saves (the benchmarks' peer); returns this journal.
     */
    public synchronized Journal withoutGroupCommit() {
        flush();
        holds = 0;
        groupCommit = false;
        return this;
    }

    /** Ends a {@link #hold()}; the outermost writes every record held, without forcing them to the disk. */
    public synchronized void release() {
        if (holds > 0 && --holds == 0) {
            flush();
        }
    }

    /** Writes the held records to the operating system, segment by segment, in the order of their numbers. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            while (!pending.isEmpty()) {
                Segment segment = pending.getFirst();
                segment.file().writeLines(segment.lines());
                pending.removeFirst();
            }
        } finally {
            pending.clear();   // after a failed write the rest must not follow a gap
        }
    }

    /**
     * The day file a record of {@code marketDay} goes to: its own day, or the account's latest day file when that
     * is later. A restarted run whose clock starts before the journal's last day (the books rebuilt at once,
     * before any market data) must never write into a finished day: the next day file's chain line vouches for
     * how that day ended. The record keeps its own time either way.
     */
    private LocalDate dayFor(String account, LocalDate marketDay) {
        LocalDate latest = latestDays.computeIfAbsent(account, a -> dayFiles(directory).stream()
                .filter(f -> f.account().equals(a)).map(f -> LocalDate.parse(f.day())).reduce((x, y) -> y)
                .orElse(LocalDate.MIN));
        LocalDate day = marketDay.isAfter(latest) ? marketDay : latest;
        latestDays.put(account, day);
        return day;
    }

    /** Writes every held record and forces every file written since the last sync to the disk. */
    public synchronized void sync() {
        flush();
        if (toDisk) {
            for (JsonLines file : unsynced) {
                file.sync();
            }
        }
        unsynced.clear();
    }

    private JsonLines file(String account, LocalDate day) {
        String key = name(day, account);
        JsonLines file = files.get(key);
        if (file == null) {
            // the new file's chain line vouches for the account's last line, which must be written first
            flush();
            Path path = directory.resolve(key);
            boolean fresh = !Files.exists(path) || size(path) == 0;
            file = JsonLines.open(path);
            if (fresh) {
                Link previous = lastLines.containsKey(account) ? lastLines.get(account) : lastLineBefore(account, day);
                ObjectNode chain = JsonLines.record(CHAIN);
                chain.put("account", account).put("day", day.toString());
                if (previous == null) {
                    chain.put("prevN", 0);
                } else {
                    chain.put("prevFile", previous.file()).put("prevN", previous.n()).put("prevCrc", previous.crc());
                }
                file.append(chain);
            }
            files.put(key, file);
        }
        return file;
    }

    private static String name(LocalDate day, String account) {
        return day + "/" + account + ".jsonl";
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The last line of the account's latest day file before {@code day}, read from the disk; null when none. */
    private Link lastLineBefore(String account, LocalDate day) {
        List<DayFile> earlier = dayFiles(directory).stream()
                .filter(f -> f.account().equals(account) && f.day().compareTo(day.toString()) < 0).toList();
        if (earlier.isEmpty()) {
            return null;
        }
        DayFile last = earlier.getLast();
        JsonLines.Contents contents = JsonLines.read(last.path());
        return new Link(last.name(), lastNumber(contents.records()), contents.lastCrc());
    }

    private static long lastNumber(List<ObjectNode> records) {
        long n = 0;
        for (ObjectNode record : records) {
            n = Math.max(n, record.path("n").asLong(0));
        }
        return n;
    }

    @Override
    public synchronized void close() {
        flush();
        files.values().forEach(JsonLines::close);
        files.clear();
        unsynced.clear();
    }

    /**
     * Everything journalled under {@code stateDir}, in the order it was written, without changing a file: a torn
     * tail is ignored and reported. For reading beside a run, and for tests.
     *
     * @throws JournalCorruptException for a changed line or a broken chain of day files
     */
    public static Replay readAll(Path stateDir) {
        return load(stateDir, false);
    }

    /**
     * What a run reads when it starts: everything journalled, as {@link #readAll}, after moving every torn tail
     * to a side file so the journal goes on from its last whole lines ({@link Replay#repairs()} says which).
     *
     * @throws JournalCorruptException for a changed line or a broken chain of day files
     */
    public static Replay recover(Path stateDir) {
        return load(stateDir, true);
    }

    private static Replay load(Path stateDir, boolean repair) {
        Path directory = stateDir.resolve("journal");
        List<ObjectNode> records = new ArrayList<>();
        List<JsonLines.Repair> repairs = new ArrayList<>();
        Map<String, Link> previous = new HashMap<>();
        Set<String> chained = new HashSet<>();
        for (DayFile file : dayFiles(directory)) {
            JsonLines.Contents contents = repair ? JsonLines.recover(file.path()) : JsonLines.read(file.path());
            if (contents.torn() != null) {
                repairs.add(contents.torn());
            }
            List<ObjectNode> lines = contents.records();
            ObjectNode first = lines.isEmpty() ? null : lines.getFirst();
            boolean hasChain = first != null && CHAIN.equals(first.path("type").asText());
            Link before = previous.get(file.account());
            if (hasChain) {
                checkChain(stateDir, file, first, before);
                chained.add(file.account());
            } else if (chained.contains(file.account()) && first != null) {
                throw new JournalCorruptException(stateDir.resolve("journal").resolve(file.name()) + ":1: the day "
                        + "file does not begin with its chain line, though the days before it do; its beginning "
                        + "was cut off or it comes from another run. Restore it from a copy.");
            }
            for (ObjectNode record : hasChain ? lines.subList(1, lines.size()) : lines) {
                records.add(record);
            }
            if (contents.lastCrc() != null) {
                previous.put(file.account(), new Link(file.name(), lastNumber(lines), contents.lastCrc()));
            }
        }
        records.sort(Comparator.comparingLong(r -> r.path("n").asLong()));
        return new Replay(records, repairs);
    }

    private static void checkChain(Path stateDir, DayFile file, ObjectNode chain, Link before) {
        Path path = stateDir.resolve("journal").resolve(file.name());
        long prevN = chain.path("prevN").asLong();
        String prevFile = chain.path("prevFile").asText(null);
        String prevCrc = chain.path("prevCrc").asText(null);
        if (before == null && prevN == 0 && prevFile == null) {
            return;
        }
        if (before == null && Files.exists(stateDir.resolve("journal").resolve(prevFile))) {
            throw new JournalCorruptException(path + ":1: this day file follows " + prevFile + ", which comes after "
                    + "it: the day files were swapped, renamed or copied from another run. Put them back as they "
                    + "were before starting.");
        }
        if (before == null) {
            throw new JournalCorruptException(path + ":1: this day file follows " + prevFile + " (its last record "
                    + prevN + "), which is not in the journal: a day file was deleted or moved. Put it back (from a "
                    + "copy) before starting; without it the books would miss that day.");
        }
        if (prevFile == null) {
            throw new JournalCorruptException(path + ":1: this day file says it is the first of account "
                    + file.account() + ", but " + before.file() + " comes before it: the day files were swapped, "
                    + "renamed or copied from another run. Put them back as they were before starting.");
        }
        if (!prevFile.equals(before.file()) || prevN != before.n() || !before.crc().equals(prevCrc)) {
            throw new JournalCorruptException(path + ":1: this day file follows " + prevFile + " (record " + prevN
                    + "), but the day file before it is " + before.file() + " (ending with record " + before.n()
                    + "): a day file is missing, swapped or ends differently than when this one began. Restore the "
                    + "journal from a copy before starting.");
        }
    }

    /** A day file of the journal: {@code <day>/<account>.jsonl}. */
    private record DayFile(Path path, String day, String account) {
        String name() {
            return day + "/" + account + ".jsonl";
        }
    }

    /** The journal's day files, oldest day first (accounts by name within a day). */
    private static List<DayFile> dayFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory, 2)) {
            List<DayFile> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                Path relative = directory.relativize(path);
                if (relative.getNameCount() != 2 || !isDay(relative.getName(0).toString())) {
                    throw new JournalCorruptException(path + ": a journal file outside a day directory "
                            + "(journal/<yyyy-MM-dd>/<account>.jsonl); move it out of " + directory + ".");
                }
                String fileName = relative.getName(1).toString();
                files.add(new DayFile(path, relative.getName(0).toString(),
                        fileName.substring(0, fileName.length() - ".jsonl".length())));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDay(String name) {
        try {
            LocalDate.parse(name);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The journal as read back: its records in order, and the torn tails found (and moved aside, on recovery). */
    public record Replay(List<ObjectNode> records, List<JsonLines.Repair> repairs) {
        public long lastNumber() {
            return records.isEmpty() ? 0 : records.getLast().path("n").asLong();
        }
    }
}
