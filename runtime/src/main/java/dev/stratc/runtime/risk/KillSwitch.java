package dev.stratc.runtime.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The kill switch: a file, {@code <state-dir>/KILL}, holding why and when it was thrown. A running engine
 * looks at the file at most every {@code pollMillis}; {@code stratc kill} creates it from another terminal,
 * the daily-loss limit creates it from inside. Nothing but a person removes it ({@code stratc kill --clear}),
 * so a restarted run stays stopped; a running engine notices the removal at its next look.
 */
public final class KillSwitch {
    public static final String FILE_NAME = "KILL";

    private final Path file;
    private final long pollMillis;
    private volatile boolean engaged;
    private volatile long checkedAt = Long.MIN_VALUE;

    public KillSwitch(Path stateDir, long pollMillis) {
        this.file = stateDir.resolve(FILE_NAME);
        this.pollMillis = pollMillis;
        this.engaged = Files.exists(file);
        this.checkedAt = System.currentTimeMillis();
    }

    public Path file() {
        return file;
    }

    /** Whether the switch is thrown; reads the file when the last look is older than the poll interval. */
    public boolean engaged() {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= pollMillis) {
            checkedAt = now;
            engaged = Files.exists(file);
        }
        return engaged;
    }

    /** Throws the switch, writing the file atomically. */
    public void engage(String reason) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(temporary, Instant.now() + " " + reason + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kill switch " + file + ": " + e.getMessage(), e);
        }
        engaged = true;
    }

    /** Why the switch was thrown, when it is. */
    public Optional<String> reason() {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** Clears the switch: only a person does this, through {@code stratc kill --clear}. */
    public boolean clear() {
        try {
            engaged = false;
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the kill switch " + file + ": " + e.getMessage(), e);
        }
    }
}
