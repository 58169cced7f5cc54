package dev.stratc.runtime.journal;

import java.io.BufferedReader;
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
import java.util.zip.CRC32C;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An append-only file of JSON objects, one per line, each ending with its own checksum:
 * {@code {"type":"fill",...,"crc":"1a2b3c4d"}}, where the CRC-32C covers the line as it would read without the
 * {@code crc} member. {@code jq} reads the file as it is; a reader can tell a torn last line (the process died
 * while writing it) from corruption in the middle (which it refuses).
 *
 * <p>Every append goes straight to the operating system (no buffer in the process), so a killed process loses
 * nothing it appended; {@link #sync()} forces the file to the disk, which is what protects against a power cut.
 */
public final class JsonLines implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRC_MEMBER = ",\"crc\":\"";

    private final Path path;
    private final FileChannel channel;

    private JsonLines(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens {@code path} for appending, creating it and its directories. */
    public static JsonLines open(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new JsonLines(path, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    public synchronized void append(ObjectNode record) {
        String line = seal(record.toString()) + "\n";
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
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
        return json.substring(0, json.length() - 1) + CRC_MEMBER + crc(json) + "\"}";
    }

    private static String crc(String json) {
        CRC32C crc = new CRC32C();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** What reading a file found: its records, and whether its last line was torn (and dropped). */
    public record Contents(List<ObjectNode> records, boolean tornTail) {
    }

    /**
     * Reads every record of a file. A last line that is incomplete or fails its checksum is a write the
     * process did not finish: it is dropped and reported in {@link Contents#tornTail()}. Any other bad line
     * is corruption, refused with the file and line named.
     */
    public static Contents read(Path path) {
        List<ObjectNode> records = new ArrayList<>();
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        boolean torn = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            ObjectNode record = unseal(line);
            if (record == null) {
                if (i == lines.size() - 1) {
                    torn = true;
                    break;
                }
                throw new JournalCorruptException(path + ":" + (i + 1)
                        + ": the line fails its checksum; the journal was changed or damaged. Move the file "
                        + "aside to start without it, or restore it from a copy.");
            }
            records.add(record);
        }
        return new Contents(records, torn);
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
