package dev.stratc.runtime.journal;

/** A journal line in the middle of a file fails its checksum: the runtime refuses to guess what it said. */
public final class JournalCorruptException extends RuntimeException {
    public JournalCorruptException(String message) {
        super(message);
    }
}
