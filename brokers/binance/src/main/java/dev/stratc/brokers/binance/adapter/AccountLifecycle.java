package dev.stratc.brokers.binance.adapter;

import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerListener;
import java.util.concurrent.ExecutorService;

/**
 * Whether one account's adapter is started, with the listener and event thread it was started with: the
 * start-once and stop-once rules the Spot and futures adapters share. {@link #begin} and {@link #end} are
 * called under the adapter's own lock, together with what the adapter opens or closes beside them.
 */
final class AccountLifecycle {
    private final String accountId;
    private final ListenerDispatch dispatch = new ListenerDispatch(this::running);
    private volatile boolean running;

    AccountLifecycle(String accountId) {
        this.accountId = accountId;
    }

    ListenerDispatch dispatch() {
        return dispatch;
    }

    boolean running() {
        return running;
    }

    /**
     * Starts the event thread {@code threadName} for {@code listener}. False when already started with this
     * listener (nothing to do); an {@link IllegalStateException} when started with another.
     */
    boolean begin(BrokerListener listener, String threadName) {
        if (running) {
            if (listener == dispatch.listener()) {
                return false;
            }
            throw new IllegalStateException("account " + accountId + " is already started with another listener");
        }
        dispatch.open(listener, threadName);
        running = true;
        return true;
    }

    /**
     * Stops once: under {@code lock} marks the adapter stopped and runs {@code closeStreams}; then, outside it,
     * {@code released} and the wait for the listener calls already queued. Nothing when not running.
     */
    void stop(Object lock, Runnable closeStreams, Runnable released) {
        ExecutorService events;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            events = dispatch.executor();
            closeStreams.run();
        }
        released.run();
        ListenerDispatch.drain(events);
    }

    /** Closes {@code stream} when there is one; returns null, for the field that held it. */
    static <T extends AutoCloseable> T closed(T stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("closing " + stream + " failed", e);
            }
        }
        return null;
    }

    void requireRunning() {
        if (!running) {
            throw new BrokerException(BrokerException.Kind.NOT_CONNECTED, "Binance account " + accountId
                    + " is not started");
        }
    }
}
