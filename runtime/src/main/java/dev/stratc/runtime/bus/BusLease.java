package dev.stratc.runtime.bus;

import java.time.Duration;

/**
 * An account held by one engine of a bus at a time ({@link BusProvider#lease}), so that engines on several
 * machines never send orders on the same account. Closing it gives the account up at once.
 */
public interface BusLease extends AutoCloseable {

    /** The account this lease is for. */
    String account();

    /** Whether this engine holds the account now; false once it has lost it (a network split, a missed heartbeat). */
    boolean held();

    /** Waits up to {@code wait} for the account; returns whether it is held. */
    boolean await(Duration wait) throws InterruptedException;

    @Override
    void close();
}
