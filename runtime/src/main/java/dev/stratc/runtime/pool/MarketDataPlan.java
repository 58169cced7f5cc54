package dev.stratc.runtime.pool;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which account watches which symbols: streamed ones over the account's sessions, polled ones in batches of
 * multi-symbol quote requests, and how long one polling round takes within the account's request budget.
 *
 * @param unwatched symbols no healthy account has room for
 */
public record MarketDataPlan(Map<String, Assignment> assignments, List<String> unwatched) {

    public record Assignment(Set<String> streamed, List<List<String>> pollBatches, double pollCycleSeconds) {
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
