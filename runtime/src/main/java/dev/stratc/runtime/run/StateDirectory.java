package dev.stratc.runtime.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A run's hold on its state directory: an operating-system lock on {@code <state-dir>/run.lock}, taken when the
 * run opens the directory and kept until it closes it. Two runs writing one journal and one set of client order
 * ids would send orders twice, so a second run is refused at once, naming the process that holds the directory.
 *
 * <p>The lock belongs to the process, not to the file: when a run dies, even by {@code kill -9}, the operating
 * system releases it, so no stale lock is ever left to clear by hand. The file only tells people (and the
 * refusal message) which process holds it; it is never deleted, because deleting it would let a second run
 * lock a new file while the first still holds the old one.
 *
 * <p>Only runs take the lock: {@code stratc kill} and commands that only read the directory work beside a
 * running run.
 */
public final class StateDirectory implements AutoCloseable {
    static final String LOCK_FILE = "run.lock";

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private StateDirectory(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** A second run on a state directory that a run holds. */
    public static final class InUseException extends RuntimeException {
        private final String holder;

        InUseException(Path directory, String holder) {
            super("the state directory " + directory + " is in use by another run (" + holder + "); stop that run "
                    + "first (Ctrl-C, or stratc kill --state-dir " + directory + " to stop its entries), or give "
                    + "this run its own --state-dir");
            this.holder = holder;
        }

        /** What the lock file says about the holder, e.g. {@code PID 4711, since 2026-12-03T18:00:00Z}. */
        public String holder() {
            return holder;
        }
    }

    /**
     * Locks {@code directory} (creating it) for this process until {@link #close()}.
     *
     * @throws InUseException when another run holds it
     */
    public static StateDirectory lock(Path directory) {
        Path file = directory.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new InUseException(directory, holder);
            }
            channel.truncate(0);
            String owner = "pid=" + ProcessHandle.current().pid() + "\nsince=" + Instant.now() + "\n";
            channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new StateDirectory(directory, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the state directory " + directory + " (" + file + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Refuses at once when a run holds {@code directory}, before a new run spends time loading its data; the
     * run's own {@link #lock} is what actually keeps a second one out. A directory that does not exist is free.
     *
     * @throws InUseException when another run holds it
     */
    public static void requireFree(Path directory) {
        if (Files.isRegularFile(directory.resolve(LOCK_FILE))) {
            lock(directory).close();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(256);
        channel.read(bytes, 0);
        String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        String pid = field(text, "pid");
        String since = field(text, "since");
        if (pid == null) {
            return "a process that has not written its PID yet";
        }
        return "PID " + pid + (since == null ? "" : ", since " + since);
    }

    private static String field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the failure being reported matters more
            }
        }
    }

    public Path directory() {
        return directory;
    }

    /** Releases the directory. The lock file stays, with the last holder's PID in it. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the state directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
