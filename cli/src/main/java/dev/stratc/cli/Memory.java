package dev.stratc.cli;

import java.util.Locale;

/**
 * Running out of memory, said in the user's terms: how much the job needs, how much the JVM may use, and the
 * two ways out (give it more with {@code STRATC_JAVA_OPTS=-Xmx…}, or make the job smaller). Commands that know
 * what they are about to load say so with {@link #expect}, so the message can name the job and its size.
 */
public final class Memory {
    private static final long MB = 1024 * 1024;
    /** Above the data itself: the JVM, the compiled strategy, and the backtest's own arrays. */
    private static final long BASELINE = 32 * MB;

    private static volatile Job expected;

    private Memory() {
    }

    /** What is being loaded and about how many bytes it takes. */
    public record Job(String what, long bytes) {
    }

    /** Records what the command is about to hold in memory, for the message should it not fit. */
    public static void expect(String what, long bytes) {
        expected = new Job(what, bytes);
    }

    /** Forgets the job: a new command in the same process (the tests) starts with none. */
    public static void reset() {
        expected = null;
    }

    /** The heap the JVM may use ({@code -Xmx}). */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses, before any work, a job whose data alone cannot fit: better at once than after minutes of
     * loading. Jobs that may fit are left to run; {@link #outOfMemory} explains the ones that then do not.
     */
    public static void requireRoomFor(String what, long bytes) {
        expect(what, bytes);
        if (bytes > maxHeap()) {
            throw CliException.failure(message(), null);
        }
    }

    /** The message for an {@link OutOfMemoryError}; call it after the job's references are gone. */
    public static String outOfMemory() {
        return message();
    }

    private static String message() {
        Job job = expected;
        long heap = maxHeap();
        StringBuilder text = new StringBuilder("out of memory: ");
        long needed;
        if (job != null && job.bytes() > 0) {
            needed = job.bytes() + BASELINE;
            text.append(job.what()).append(" needs about ").append(megabytes(needed)).append(" and the JVM may use ")
                    .append(megabytes(heap)).append(". ");
        } else {
            needed = 2 * heap;
            text.append("this job needs more than the ").append(megabytes(heap)).append(" the JVM may use. ");
        }
        return text.append("Give it more memory, e.g. STRATC_JAVA_OPTS=-Xmx").append(xmx(needed))
                .append(" ./stratc ..., or make the job smaller (fewer --symbols, a shorter --from/--to period, "
                        + "fewer days of synthetic data, fewer --threads)").toString();
    }

    /** A {@code -Xmx} value with room to spare: the need, plus a half, in whole megabytes or gigabytes. */
    static String xmx(long bytes) {
        long mb = (bytes + bytes / 2 + MB - 1) / MB;
        return mb >= 1024 ? (mb + 1023) / 1024 + "g" : mb + "m";
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * MB ? String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * MB))
                : bytes / MB + " MB";
    }

    /** Whether {@code failure} is, or was caused by, running out of memory. */
    public static boolean isOutOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
