package dev.stratc.cli.commands;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) during {@code stratc run}: the first asks the run to stop cleanly (it prints "stopping…",
 * cancels working orders unless told to keep them, prints the session summary and exits
 * {@link #EXIT_STATUS}); whatever the run waits on when it comes (signing in, a token's once-a-minute wait, a
 * reconnect back-off) is interrupted. A run that has not stopped 5 s later, or a second Ctrl-C, stops the process
 * at once with the same status; the journal is consistent at any point, so the next start continues.
 *
 * <p>The JVM's own handling of SIGINT (run the shutdown hooks and exit) cannot wait for the run loop without
 * blocking it, hence a signal handler of its own; SIGTERM keeps the shutdown hook.
 */
final class CtrlC implements AutoCloseable {
    /** 128 + SIGINT, as a shell reports a command stopped by Ctrl-C. */
    static final int EXIT_STATUS = 130;
    private static final long GRACE_MILLIS = 5_000;

    private final AtomicBoolean requested;
    private final Thread runner;
    private final PrintWriter err;
    private final AtomicInteger presses = new AtomicInteger();
    private final SignalHandler previous;
    private volatile boolean interruptible;
    private volatile boolean closed;

    private CtrlC(AtomicBoolean requested, Thread runner, PrintWriter err) {
        this.requested = requested;
        this.runner = runner;
        this.err = err;
        SignalHandler installed;
        try {
            installed = Signal.handle(new Signal("INT"), signal -> pressed());
        } catch (IllegalArgumentException unsupported) {
            installed = null;   // no SIGINT here (a JVM started with -Xrs): the shutdown hook still stops the run
        }
        this.previous = installed;
    }

    /** Handles Ctrl-C for the run on the calling thread, setting {@code requested} when pressed. */
    static CtrlC install(AtomicBoolean requested, PrintWriter err) {
        return new CtrlC(requested, Thread.currentThread(), err);
    }

    /**
     * Whether the run thread is in a wait that only an interrupt ends (connecting to brokers); in the run loop
     * it is not interrupted, so that no order is cut off half-sent: the loop looks at the flag every 100 ms.
     */
    void interruptible(boolean value) {
        interruptible = value;
        if (value && requested.get()) {
            runner.interrupt();
        }
    }

    boolean pressed() {
        int count = presses.incrementAndGet();
        if (count == 1) {
            requested.set(true);
            err.println("stopping… (Ctrl-C again to stop at once)");
            err.flush();
            if (interruptible) {
                runner.interrupt();
            }
            Thread.ofPlatform().daemon().name("stratc-stop-deadline").start(this::deadline);
        } else {
            halt("second Ctrl-C: stopped at once");
        }
        return true;
    }

    boolean requested() {
        return presses.get() > 0;
    }

    private void deadline() {
        try {
            Thread.sleep(GRACE_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        if (!closed) {
            halt("the run did not stop within " + GRACE_MILLIS / 1000 + " s: stopped at once");
        }
    }

    private void halt(String why) {
        err.println(why + "; the journal is consistent, run the same command again to continue");
        err.flush();
        Runtime.getRuntime().halt(EXIT_STATUS);
    }

    @Override
    public void close() {
        closed = true;
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
        }
    }
}
