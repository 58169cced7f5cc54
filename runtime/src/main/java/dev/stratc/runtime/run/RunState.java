package dev.stratc.runtime.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The state directory of a run: everything a run keeps (journal, kill switch, the simulated exchange, broker
 * token caches) lives under it, so runs are separated by using different directories. It holds the run's tag,
 * made once, which prefixes every client order id.
 */
public final class RunState {
    private static final String TAG_FILE = "run-tag";

    private RunState() {
    }

    /** {@code ~/.stratc/runs/default} unless {@code --state-dir} says otherwise. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".stratc", "runs", "default");
    }

    /**
     * The run's tag: read from the directory, or made and saved on the first start. Saving cannot race: the tag
     * is written to a file of its own and linked into place, which fails when another process got there first,
     * whose tag is then used.
     */
    public static String tag(Path stateDir) {
        Path file = stateDir.resolve(TAG_FILE);
        try {
            Files.createDirectories(stateDir);
            if (!Files.exists(file)) {
                Path draft = Files.createTempFile(stateDir, TAG_FILE, ".new");
                try {
                    Files.writeString(draft, newTag() + System.lineSeparator(), StandardCharsets.UTF_8);
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // another process saved its tag first; both use that one
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the state directory " + stateDir + ": " + e.getMessage(), e);
        }
    }

    private static String newTag() {
        SecureRandom random = new SecureRandom();
        StringBuilder tag = new StringBuilder("s");
        for (int i = 0; i < 6; i++) {
            tag.append(Character.forDigit(random.nextInt(36), 36));
        }
        return tag.toString();
    }
}
