package dev.stratc.data;

/** What to do with a bar that fails validation ({@code --repair}). Nothing is ever skipped silently. */
public enum Repair {
    /** Stop at the first bad bar with an error naming file and line (the default). */
    FAIL,
    /** Drop the bad bar and report it as a warning, with file and line. */
    DROP
}
