package dev.stratc.brokers.kis.rest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a key's recent requests are written down for {@link KisRateLimiter}: each one from its start, with the time
 * its answer came. In memory for one process, or in a small file every process on the machine reads and writes
 * under an exclusive lock, so a run and a download started side by side share the key's budget.
 */
abstract class RequestLedger {

    /** A place was taken ({@code id}), or none is free for {@code waitNanos}. */
    record Take(long id, long waitNanos) {
        boolean taken() {
            return waitNanos == 0;
        }
    }

    /** How long a start without an answer counts before it is taken for a crashed process's. */
    static final long STALE_NANOS = 60_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(RequestLedger.class);
    private static final java.util.Map<Path, Object> IN_PROCESS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One request: when it started and when its answer came (0 while in flight), in the ledger's clock. */
    static final class Entry {
        final long id;
        final long started;
        long answered;

        Entry(long id, long started, long answered) {
            this.id = id;
            this.started = started;
            this.answered = answered;
        }
    }

    /** Takes a place when fewer than {@code allowed} requests are in flight or answered within {@code window}. */
    abstract Take take(int allowed, long windowNanos) throws InterruptedException;

    /** The request {@code id} has its answer. */
    abstract void answered(long id);

    /** The decision, on entries the caller holds exclusively. */
    static Take decide(List<Entry> entries, int allowed, long windowNanos, long now) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            boolean aged = entry.answered != 0 && now - entry.answered >= windowNanos;
            boolean stale = entry.answered == 0 && now - entry.started >= STALE_NANOS;
            if (aged || stale) {
                it.remove();
            }
        }
        if (entries.size() < allowed) {
            long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
            entries.add(new Entry(id, now, 0));
            return new Take(id, 0);
        }
        long wait = Long.MAX_VALUE;
        for (Entry entry : entries) {
            if (entry.answered != 0) {
                wait = Math.min(wait, entry.answered + windowNanos - now);
            }
        }
        // everything in flight: an answer will free a place; look again shortly
        return new Take(0, Math.max(1, wait == Long.MAX_VALUE ? 20_000_000L : wait));
    }

    static void markAnswered(List<Entry> entries, long id, long now) {
        for (Entry entry : entries) {
            if (entry.id == id && entry.answered == 0) {
                entry.answered = now;
            }
        }
    }

    /** This process only; times from the monotonic clock. */
    static RequestLedger inMemory(LongSupplier nanoTime) {
        return new RequestLedger() {
            private final List<Entry> entries = new ArrayList<>();

            @Override
            synchronized Take take(int allowed, long windowNanos) {
                return decide(entries, allowed, windowNanos, nanoTime.getAsLong());
            }

            @Override
            synchronized void answered(long id) {
                markAnswered(entries, id, nanoTime.getAsLong());
            }
        };
    }

    /**
     * Shared through {@code file} by every process of the machine; times are wall-clock nanoseconds, the clock the
     * processes have in common. Where the file cannot be used, this process keeps its own ledger (and says so once).
     */
    static RequestLedger shared(Path file) {
        // a file lock is held by the whole JVM: threads of this process take turns on this first
        Object inProcess = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object());
        return new RequestLedger() {
            private final RequestLedger fallback = inMemory(System::nanoTime);
            private volatile boolean broken;
            private FileChannel channel;

            @Override
            Take take(int allowed, long windowNanos) throws InterruptedException {
                if (!broken) {
                    synchronized (inProcess) {
                        return takeFromFile(allowed, windowNanos);
                    }
                }
                return fallback.take(allowed, windowNanos);
            }

            private Take takeFromFile(int allowed, long windowNanos) throws InterruptedException {
                if (!broken) {
                    try (FileLock ignored = channel().lock()) {
                        List<Entry> entries = read(channel);
                        Take take = decide(entries, allowed, windowNanos, wallNanos());
                        if (take.taken()) {
                            write(channel, entries);
                        }
                        return take;
                    } catch (ClosedByInterruptException e) {
                        Thread.interrupted();
                        channel = null; // closed by the interrupt; opened again next time
                        throw new InterruptedException("interrupted while waiting for the KIS rate limit");
                    } catch (IOException e) {
                        broken = true;
                        LOG.warn("KIS rate limit: cannot use {} ({}); this process counts its requests alone",
                                file, e.getMessage());
                    }
                }
                return fallback.take(allowed, windowNanos);
            }

            @Override
            void answered(long id) {
                if (broken) {
                    fallback.answered(id);
                    return;
                }
                boolean interrupted = Thread.interrupted(); // the answer must be written even if we are stopping
                synchronized (inProcess) {
                    writeAnswer(id);
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }

            private void writeAnswer(long id) {
                try (FileLock ignored = channel().lock()) {
                    List<Entry> entries = read(channel);
                    markAnswered(entries, id, wallNanos());
                    write(channel, entries);
                } catch (IOException e) {
                    // the entry counts as in flight until it goes stale: slower, never over the limit
                    LOG.debug("KIS rate limit: answer not written to {}: {}", file, e.getMessage());
                }
            }

            /** Kept open for the process's life; called holding {@code inProcess}. */
            private FileChannel channel() throws IOException {
                if (channel == null || !channel.isOpen()) {
                    Files.createDirectories(file.getParent());
                    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                }
                return channel;
            }
        };
    }

    private static long wallNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Lines of {@code id started answered}. */
    private static List<Entry> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
        channel.read(buffer, 0);
        List<Entry> entries = new ArrayList<>();
        for (String line : new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 3) {
                try {
                    entries.add(new Entry(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
                            Long.parseLong(fields[2])));
                } catch (NumberFormatException torn) {
                    // a line torn by a crash: dropped
                }
            }
        }
        return entries;
    }

    private static void write(FileChannel channel, List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.id).append(' ').append(entry.started).append(' ').append(entry.answered).append('\n');
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII)), 0);
    }
}
