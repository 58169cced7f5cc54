package dev.stratc.runtime.bus;

import java.time.Duration;
import java.util.Optional;

import dev.stratc.runtime.market.MarketEvent;

/**
 * Market data an engine consumes from a distributed bus, one event at a time, each with the position the
 * publisher gave it. Positions rise in delivery order, so an engine's journal can say up to where it got: after a
 * restart the source is read again from the start and what lies at or before the journal's position is warm-up.
 */
public interface SequencedSource extends AutoCloseable {

    /** One delivered event and its position. */
    record Delivery(long sequence, MarketEvent event) {
    }

    /** The next event, or empty when none came within {@code wait}. */
    Optional<Delivery> poll(Duration wait) throws InterruptedException;

    /** The engine's journal holds everything up to {@code sequence}: the source may record it as consumed. */
    default void committed(long sequence) {
    }

    /** The source's series for {@code /metrics} (Prometheus text, HELP and TYPE lines included); call from any thread. */
    default String prometheus() {
        return "";
    }

    /** One line for the status view, empty when there is nothing to say. */
    default String status() {
        return "";
    }

    /** The partitions (or other units) whose backlog exceeds {@code records}, by name; empty when none does. */
    default java.util.List<String> lagging(long records) {
        return java.util.List.of();
    }

    /** The symbols of the partitions whose backlog exceeds {@code records}; empty when none does. */
    default java.util.Set<String> laggingSymbols(long records) {
        return java.util.Set.of();
    }

    @Override
    default void close() {
    }
}
