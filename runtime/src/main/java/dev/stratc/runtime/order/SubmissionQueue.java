package dev.stratc.runtime.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders decided but waiting to leave: for the order rate ({@code max_orders_per_second}, an account's request
 * budget) or for the back-off of a retry. What goes first: cancels, then exits, then entries; within each, the
 * order they came in. Nothing here is refused for the rate; the engine drops only entries that waited past
 * their bar. Used on the engine thread only.
 */
public final class SubmissionQueue {
    public enum Kind { CANCEL, EXIT, ENTRY }

    /** One waiting command; {@code notBefore} is market time. */
    public record Waiting(Kind kind, ManagedOrder order, long notBefore, long arrival) {
    }

    private static final Comparator<Waiting> PRIORITY = Comparator.comparing(Waiting::kind)
            .thenComparingLong(Waiting::arrival);

    private final List<Waiting> waiting = new ArrayList<>();
    private long arrivals;

    public void add(Kind kind, ManagedOrder order, long notBefore) {
        remove(kind, order);
        waiting.add(new Waiting(kind, order, notBefore, arrivals++));
        waiting.sort(PRIORITY);
    }

    /** Puts a command back at its place with a later time (its account's budget is not there yet). */
    public void postpone(Waiting command, long notBefore) {
        int index = waiting.indexOf(command);
        if (index >= 0) {
            waiting.set(index, new Waiting(command.kind(), command.order(), notBefore, command.arrival()));
        }
    }

    public void remove(Waiting command) {
        waiting.remove(command);
    }

    private void remove(Kind kind, ManagedOrder order) {
        waiting.removeIf(w -> w.kind() == kind && w.order() == order);
    }

    /** The waiting commands in the order they go, ready or not. */
    public List<Waiting> inOrder() {
        return List.copyOf(waiting);
    }

    /** Whether commands of a higher or equal priority than {@code kind} are waiting (a new one queues behind). */
    public boolean anyAhead(Kind kind) {
        return waiting.stream().anyMatch(w -> w.kind().compareTo(kind) <= 0);
    }

    /** Whether this very command still waits. */
    public boolean contains(Waiting command) {
        return waiting.contains(command);
    }

    public boolean contains(ManagedOrder order) {
        return waiting.stream().anyMatch(w -> w.order() == order);
    }

    public int size() {
        return waiting.size();
    }

    public long count(Kind kind) {
        return waiting.stream().filter(w -> w.kind() == kind).count();
    }

    public boolean isEmpty() {
        return waiting.isEmpty();
    }
}
