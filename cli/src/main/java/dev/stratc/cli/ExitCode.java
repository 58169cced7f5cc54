package dev.stratc.cli;

/**
 * The exit codes of every stratc command. Scripts depend on them, so they never change meaning.
 * 65 and 70 are the BSD sysexits values {@code EX_DATAERR} and {@code EX_SOFTWARE}.
 */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed: a broker refused, a file could not be written, a check failed. */
    public static final int FAILURE = 1;
    /** The command line itself is wrong: an unknown command or option, a missing argument. */
    public static final int USAGE = 2;
    /** The strategy or the data is invalid: compile errors, a malformed CSV, a bad configuration. */
    public static final int INVALID_INPUT = 65;
    /** A bug in stratc. The message says how to see the stack trace and report it. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}
