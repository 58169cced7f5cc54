package dev.stratc.brokers.kis.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.rest.KisJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Access tokens on disk, one file per app key, readable by the owner only. KIS sends the user a KakaoTalk message
 * for every token it issues and allows one a minute, so a restarted process must reuse the token it already has.
 * The file also remembers when the last token was issued, which is what keeps the once-a-minute rule across restarts.
 *
 * <p>Every command uses the same directory by default ({@link #defaultDirectory()}), so a run started right after a
 * {@code data fetch} finds the token the fetch got. Issuing happens under {@link #locked}: a lock file per key, so of
 * two processes starting together one issues and the other reads what it saved.
 */
public final class TokenCache {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path directory;

    public TokenCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $XDG_CACHE_HOME/stratc/kis}, or {@code ~/.cache/stratc/kis}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("stratc").resolve("kis");
    }

    /** What {@link #locked} runs. */
    public interface Locked<T> {
        T run() throws InterruptedException;
    }

    private static final java.util.concurrent.ConcurrentHashMap<Path, java.util.concurrent.locks.ReentrantLock>
            IN_PROCESS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Runs {@code action} holding this key's lock: against other threads of this process, and other processes
     * (an exclusive lock on {@code token-<fingerprint>.lock}). Where the directory cannot hold a lock file the
     * in-process lock still applies.
     */
    public <T> T locked(KisCredentials credentials, Locked<T> action) throws InterruptedException {
        Path lockFile = directory.resolve("token-" + credentials.fingerprint() + ".lock");
        java.util.concurrent.locks.ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath(),
                p -> new java.util.concurrent.locks.ReentrantLock());
        local.lockInterruptibly();
        try {
            java.nio.channels.FileChannel channel = null;
            try {
                Files.createDirectories(directory);
                restrict(directory, PosixFilePermissions.fromString("rwx------"));
                channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                channel.lock();
            } catch (java.nio.channels.ClosedByInterruptException e) {
                throw new InterruptedException("interrupted while waiting for the KIS token lock");
            } catch (IOException e) {
                closeQuietly(channel);
                channel = null; // read-only or odd file system: the in-process lock is what we have
            }
            try {
                return action.run();
            } finally {
                closeQuietly(channel); // releases the file lock
            }
        } finally {
            local.unlock();
        }
    }

    private static void closeQuietly(java.nio.channels.FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing else to do
            }
        }
    }

    public Path directory() {
        return directory;
    }

    public Path fileFor(KisCredentials credentials) {
        return directory.resolve("token-" + credentials.fingerprint() + ".json");
    }

    /** The cached token for these credentials, if a readable one exists. A damaged file counts as absent. */
    public Optional<AccessToken> load(KisCredentials credentials) {
        Path file = fileFor(credentials);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = KisJson.parse(Files.readString(file));
            return Optional.of(new AccessToken(KisJson.text(json, "access_token"),
                    Instant.parse(KisJson.text(json, "issued_at")), Instant.parse(KisJson.text(json, "expires_at"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void save(KisCredentials credentials, AccessToken token) {
        ObjectNode json = KisJson.MAPPER.createObjectNode()
                .put("app_key", credentials.fingerprint())
                .put("access_token", token.value())
                .put("issued_at", token.issuedAt().toString())
                .put("expires_at", token.expiresAt().toString());
        Path file = fileFor(credentials);
        try {
            Files.createDirectories(directory);
            restrict(directory, PosixFilePermissions.fromString("rwx------"));
            Path temporary = Files.createTempFile(directory, ".token-", ".tmp");
            restrict(temporary, OWNER_ONLY);
            Files.writeString(temporary, KisJson.MAPPER.writeValueAsString(json));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KisException("cannot write the KIS token cache " + file + ": " + e.getMessage()
                    + " (set token_cache_dir to a writable directory)", e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
