package dev.stratc.runtime.pool;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which account watches which symbols: streamed ones over the account's sessions, polled ones in batches of
 * multi-symbol quote requests, and how long one polling round takes within the account's request budget.
 *
 * @param unwatched symbols no healthy account can watch (none streams or polls)
 * @param capacity  what the accounts can do against what was asked
 */
public record MarketDataPlan(Map<String, Assignment> assignments, List<String> unwatched, Capacity capacity) {

    public MarketDataPlan(Map<String, Assignment> assignments, List<String> unwatched) {
        this(assignments, unwatched, Capacity.NONE);
    }

    /**
     * The numbers behind a plan.
     *
     * @param symbols               distinct symbols asked for
     * @param streamSlots           the usable accounts' stream slots (KIS: 41 a key, less the notices)
     * @param streamed              symbols streamed
     * @param polled                symbols polled
     * @param targetRefreshSeconds  how fresh every symbol should be
     * @param pollableAtTarget      how many symbols the accounts' quote budgets refresh within the target
     * @param refreshSeconds        the polling round achieved: the slowest account's (0 when nothing is polled)
     */
    public record Capacity(int symbols, int streamSlots, int streamed, int polled, double targetRefreshSeconds,
                           long pollableAtTarget, double refreshSeconds) {
        public static final Capacity NONE = new Capacity(0, 0, 0, 0, 0, 0, 0);

        /** Symbols the accounts keep fresh within the target: all stream slots and what polling covers. */
        public long atTarget() {
            return streamSlots + pollableAtTarget;
        }
    }

    /**
     * Why the watch list is more than the accounts can keep fresh, with the numbers; empty when it is not. The
     * plan still watches everything it can (slower), so this is a warning, not a refusal.
     */
    public java.util.Optional<String> warning() {
        StringBuilder text = new StringBuilder();
        if (capacity.symbols() > 0 && capacity.refreshSeconds() > capacity.targetRefreshSeconds()) {
            text.append(String.format(java.util.Locale.ROOT, "%,d symbols are more than the accounts refresh every"
                            + " %.1f s (%,d: %,d streamed in %d account(s)' slots, %,d polled within their request"
                            + " budgets); the %,d polled symbols are refreshed every %.1f s",
                    capacity.symbols(), capacity.targetRefreshSeconds(), capacity.atTarget(), capacity.streamSlots(),
                    assignments.size(), capacity.pollableAtTarget(), capacity.polled(), capacity.refreshSeconds()));
        }
        if (!unwatched.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append(String.format(java.util.Locale.ROOT,
                    "%,d of %,d symbols are not watched at all (no usable account can stream or poll them): %s",
                    unwatched.size(), capacity.symbols(), unwatched.size() > 10
                            ? unwatched.subList(0, 10) + "…" : unwatched));
        }
        return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text.toString());
    }

    public record Assignment(Set<String> streamed, List<List<String>> pollBatches, double pollCycleSeconds) {
        /** The polled symbols, in batch order. */
        public List<String> polled() {
            return pollBatches.stream().flatMap(List::stream).toList();
        }

        public int symbolCount() {
            return streamed.size() + pollBatches.stream().mapToInt(List::size).sum();
        }
    }

    /** The account watching a symbol, or {@code null}. */
    public String accountOf(String symbol) {
        for (Map.Entry<String, Assignment> entry : assignments.entrySet()) {
            Assignment assignment = entry.getValue();
            if (assignment.streamed().contains(symbol)
                    || assignment.pollBatches().stream().anyMatch(batch -> batch.contains(symbol))) {
                return entry.getKey();
            }
        }
        return null;
    }
}
