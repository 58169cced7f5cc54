package dev.stratc.runtime.ops;

/** A channel that tells a person what a run does (Telegram; others can be added). Implementations never block the engine for long. */
public interface Notifier extends AutoCloseable {

    void send(String text);

    @Override
    default void close() {
    }
}
