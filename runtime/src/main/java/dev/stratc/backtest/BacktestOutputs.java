package dev.stratc.backtest;

import java.util.function.Consumer;

/**
 * What a backtest produces besides its trades, asked for by a run that writes a report: the charts' series (the
 * strategy's {@code plot(…)}s and the indicators its rules read, per bar of every symbol) and every {@code log(…)}
 * line as it is written. An optimisation run asks for neither and pays nothing for them.
 *
 * @param plots whether to collect the charts' series (in-memory runs only: a run streamed from the store in time
 *              windows does not keep its bars, so it has no charts to draw them on)
 * @param log   receives each {@code log(…)} and {@code notify(…)} line ("2024-01-02T00:01:00Z 005930: text"), or
 *              {@code null}; the result keeps the first 1,000 either way
 */
public record BacktestOutputs(boolean plots, Consumer<String> log) {
    public static final BacktestOutputs NONE = new BacktestOutputs(false, null);
}
