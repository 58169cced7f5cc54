package dev.stratc.runtime.bus;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.risk.RiskEngine;

/**
 * What a run on a bus does when it falls behind the collectors: while a partition's backlog exceeds
 * {@code maxLag} records, new entries of its symbols are paused (the strategy would decide on stale prices), and
 * exits, stops and flattening go on; when it has caught up the entries resume. Each change is said once in the
 * run's events, and {@link #prometheus} shows how many symbols are paused. Call {@link #check} from the engine
 * thread (it sets the risk engine's pause).
 */
public final class LagGuard {
    private final SequencedSource source;
    private final RiskEngine risk;
    private final RunEvents events;
    private final long maxLag;
    private List<String> lagging = List.of();
    private volatile int paused;

    public LagGuard(SequencedSource source, RiskEngine risk, RunEvents events, long maxLag) {
        this.source = source;
        this.risk = risk;
        this.events = events;
        this.maxLag = maxLag;
    }

    /** Looks at the backlog now and pauses or resumes entries accordingly. */
    public void check() {
        List<String> now = source.lagging(maxLag);
        Set<String> symbols = now.isEmpty() ? Set.of() : source.laggingSymbols(maxLag);
        if (!now.equals(lagging) || !symbols.equals(risk.entriesPaused())) {
            risk.pauseEntries(symbols, "the bus is more than " + maxLag + " records behind");
            paused = symbols.size();
        }
        if (!now.isEmpty() && lagging.isEmpty()) {
            events.warning("bus: more than " + maxLag + " records behind on " + String.join(", ", now)
                    + "; the engine is not keeping up with the collectors: new entries of " + symbols.size()
                    + " symbol(s) paused, exits continue");
        } else if (now.isEmpty() && !lagging.isEmpty()) {
            events.warning("bus: caught up again; new entries resumed");
        }
        lagging = now;
    }

    /** Whether entries are paused now. */
    public boolean pausing() {
        return !lagging.isEmpty();
    }

    /** The guard's series for {@code /metrics}. */
    public String prometheus() {
        return String.format(Locale.ROOT, "# HELP stratc_bus_entries_paused_symbols Symbols whose new entries are "
                + "paused because the bus lags%n# TYPE stratc_bus_entries_paused_symbols gauge%n"
                + "stratc_bus_entries_paused_symbols %d%n", paused);
    }
}
