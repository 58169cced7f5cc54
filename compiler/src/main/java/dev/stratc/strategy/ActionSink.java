package dev.stratc.strategy;

/** Receives what an evaluation decides. The engine owns what happens next. */
public interface ActionSink {

    void signal(Signal signal);

    void order(OrderRequest order);

    /**
     * A {@code cancel(...)} statement: the symbol's resting (limit, stop) orders lapse now, or only those with
     * {@code tag} when it is not {@code null}.
     */
    default void cancel(String symbol, String tag) {
    }

    /** A {@code log(...)} statement. */
    void log(String symbol, long time, String message);

    /** A {@code notify(...)} statement: sent through the run's notification channels. */
    void notify(String symbol, long time, String message);
}
