package dev.stratc.cli;

/** Colour only where a person reads the output: on a terminal, and never when NO_COLOR is set. */
public final class Terminal {
    private static final boolean INTERACTIVE = System.console() != null && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));

    private Terminal() {
    }

    private static volatile boolean quiet;

    /** {@code --quiet}: no progress bars even on a terminal. */
    public static void quiet(boolean on) {
        quiet = on;
    }

    /** Whether progress bars are drawn: on a terminal, unless {@code --quiet}. */
    public static boolean showsProgress() {
        return INTERACTIVE && !quiet;
    }

    /** Whether the process writes to a terminal (progress bars, colour). */
    public static boolean interactive() {
        return INTERACTIVE;
    }

    /** The "error: " prefix, red on a terminal. */
    public static String errorPrefix() {
        return INTERACTIVE ? "\u001b[1;31merror:\u001b[0m " : "error: ";
    }
}
