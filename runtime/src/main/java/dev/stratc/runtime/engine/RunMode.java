package dev.stratc.runtime.engine;

/** How a run treats the orders its strategy decides on. */
public enum RunMode {
    /** Decisions are printed as an execution plan; nothing is sent. */
    DRY_RUN,
    /** Orders go to a paper environment or the simulated exchange. */
    PAPER,
    /** Real orders, real money. */
    LIVE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
