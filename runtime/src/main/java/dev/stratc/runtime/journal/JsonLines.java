package dev.stratc.runtime.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An append-only file of JSON objects, one per line, each ending with its own checksum:
 * {@code {"type":"fill",...,"crc":"1a2b3c4d"}}, where the CRC-32C covers the line as it would read without the
 * {@code crc} member. {@code jq} reads the file as it is. Every journal the project writes (the engine's day
 * files, the simulated exchange's) is one of these and goes through this class, so all of them are read,
 * checked and repaired the same way.
 *
 * <p>Damage is told apart by the newline: every append writes its line and its newline in one write, so bytes
 * after the last newline are a write the process or the machine did not finish (a torn tail): {@link #recover}
 * moves them to a side file and truncates the file to its last whole line, and {@link #open} does the same, so
 * nothing is ever appended onto a torn line. A whole line that fails its checksum was changed or damaged after
 * it was written, wherever it is: refused with file:line. Blank lines are not damage and are skipped.
 *
 * <p>Every append goes straight to the operating system (no buffer in the process), so a killed process loses
 * nothing it appended; {@link #sync()} forces the file to the disk, which is what protects against a power cut.
 */
public final class JsonLines implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRC_MEMBER = ",\"crc\":\"";

    private final Path path;
    private final FileChannel channel;
    private final Repair repair;

    private JsonLines(Path path, FileChannel channel, Repair repair) {
        this.path = path;
        this.channel = channel;
        this.repair = repair;
    }

    /**
     * Opens {@code path} for appending, creating it and its directories. A torn tail is moved aside first
     * ({@link #repaired()} says so), so the first line appended starts a line of its own.
     */
    public static JsonLines open(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Repair repair = repairTail(path);
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new JsonLines(path, channel, repair);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** The torn tail {@link #open} moved aside, if there was one. */
    public Optional<Repair> repaired() {
        return Optional.ofNullable(repair);
    }

    public Path path() {
        return path;
    }

    /** Appends {@code record} as one sealed line; returns the line's checksum. */
    public synchronized String append(ObjectNode record) {
        String json = record.toString();
        String crc = crc(json);
        write(seal(json, crc) + "\n");
        return crc;
    }

    /**
     * Appends {@code records} as sealed lines in one write, for changes that belong together: a process killed
     * meanwhile leaves all of them or, at worst, a torn tail that recovery moves aside, not the first alone
     * in the usual case of a kill between two appends.
     */
    public synchronized void appendAll(List<ObjectNode> records) {
        StringBuilder lines = new StringBuilder();
        for (ObjectNode record : records) {
            String json = record.toString();
            lines.append(seal(json, crc(json))).append('\n');
        }
        write(lines.toString());
    }

    /**
     * Appends {@code record} as one sealed line to {@code lines}, in memory, for a caller that writes several
     * lines at once with {@link #writeLines}; returns the line's checksum.
     */
    static String seal(ObjectNode record, StringBuilder lines) {
        String json = record.toString();
        String crc = crc(json);
        lines.append(json, 0, json.length() - 1).append(CRC_MEMBER).append(crc).append("\"}\n");
        return crc;
    }

    /**
     * Writes lines sealed by {@link #seal(ObjectNode, StringBuilder)} with one write: a process killed
     * meanwhile leaves all of them or whole lines followed by a torn tail, which {@link #recover} moves aside.
     */
    synchronized void writeLines(CharSequence lines) {
        write(lines.toString());
    }

    private void write(String lines) {
        ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Forces everything appended so far to the storage device. */
    public synchronized void sync() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (channel.isOpen()) {
                channel.force(false);
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
        }
    }

    static String seal(String json) {
        return seal(json, crc(json));
    }

    private static String seal(String json, String crc) {
        return json.substring(0, json.length() - 1) + CRC_MEMBER + crc + "\"}";
    }

    private static String crc(String json) {
        CRC32C crc = new CRC32C();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /**
     * A torn tail moved out of a journal: {@code bytes} bytes after the last whole line, now in {@code sideFile}
     * ({@code null} when the file was only read, not repaired).
     */
    public record Repair(Path file, long bytes, Path sideFile) {
        /** One sentence for the run's warning. */
        public String describe() {
            return sideFile == null
                    ? file + " ends in " + bytes + " bytes of a line cut off by a crash; they are ignored"
                    : file + " ended in " + bytes + " bytes of a line cut off by a crash (power loss, full disk or "
                            + "kill); they are kept in " + sideFile.getFileName() + " and the journal goes on from "
                            + "its last whole line";
        }
    }

    /**
     * What reading a file found.
     *
     * @param records  its records, in file order, without their {@code crc} members
     * @param lastCrc  the checksum of its last line; {@code null} when it has none
     * @param torn     the torn tail that was ignored (or moved aside by {@link #recover}); {@code null} when none
     */
    public record Contents(List<ObjectNode> records, String lastCrc, Repair torn) {
        public boolean tornTail() {
            return torn != null;
        }
    }

    /**
     * Reads every record of a file without changing it. A torn tail is ignored and reported in
     * {@link Contents#torn()}; a whole line that fails its checksum is refused with the file and line named.
     *
     * @throws JournalCorruptException for a changed or damaged line
     */
    public static Contents read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        int whole = wholeLength(bytes);
        List<ObjectNode> records = new ArrayList<>();
        String lastCrc = null;
        int lineNumber = 0;
        int start = 0;
        while (start < whole) {
            int end = start;
            while (bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            String line = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode record = unseal(line);
            if (record == null) {
                throw new JournalCorruptException(path + ":" + lineNumber
                        + ": the line fails its checksum; the journal was changed or damaged after it was written. "
                        + "Restore the file from a copy, or move it aside to start without it (what it recorded is "
                        + "then lost to this run).");
            }
            records.add(record);
            lastCrc = line.substring(line.length() - 10, line.length() - 2);
        }
        Repair torn = isBlank(bytes, whole) ? null : new Repair(path, bytes.length - whole, null);
        return new Contents(records, lastCrc, torn);
    }

    /**
     * Reads a file as {@link #read} does, first moving a torn tail to a side file and truncating the file to its
     * last whole line, so the next append starts a line of its own. The returned {@link Contents#torn()} names
     * the side file; a file repaired once reads clean afterwards.
     */
    public static Contents recover(Path path) {
        Repair repair;
        try {
            repair = repairTail(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + path + ": " + e.getMessage(), e);
        }
        Contents contents = read(path);
        return new Contents(contents.records(), contents.lastCrc(), repair);
    }

    /** Moves the bytes after the last newline of {@code path} to a side file and cuts them off; null when clean. */
    private static Repair repairTail(Path path) throws IOException {
        if (!Files.exists(path)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long whole = wholeLength(channel, size);
            if (whole == size) {
                return null;
            }
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - whole));
            channel.read(tail, whole);
            Path side = null;
            if (!isBlank(tail.array(), 0)) {
                side = sideFile(path);
                Files.write(side, tail.array(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
            }
            channel.truncate(whole);
            channel.force(true);
            return side == null ? null : new Repair(path, size - whole, side);
        }
    }

    private static Path sideFile(Path path) {
        for (int i = 1; ; i++) {
            Path side = path.resolveSibling(path.getFileName() + ".torn-" + i);
            if (!Files.exists(side)) {
                return side;
            }
        }
    }

    /** The length of the whole lines at the start of {@code bytes}: up to and including the last newline. */
    private static int wholeLength(byte[] bytes) {
        int i = bytes.length;
        while (i > 0 && bytes[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static long wholeLength(FileChannel channel, long size) throws IOException {
        long end = size;
        ByteBuffer block = ByteBuffer.allocate(4096);
        while (end > 0) {
            long from = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - from));
            channel.read(block, from);
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    private static boolean isBlank(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    /** The record of a sealed line, or {@code null} when the line is not one. */
    static ObjectNode unseal(String line) {
        int at = line.lastIndexOf(CRC_MEMBER);
        if (at < 0 || !line.endsWith("\"}") || line.length() - at != CRC_MEMBER.length() + 8 + 2) {
            return null;
        }
        String json = line.substring(0, at) + "}";
        if (!crc(json).equals(line.substring(at + CRC_MEMBER.length(), line.length() - 2))) {
            return null;
        }
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            return null;
        }
    }

    public static ObjectNode record(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        return node;
    }
}
