package dev.stratc.cli;

/**
 * A failure the user can act on: its message is printed as it is, without a stack trace, and the process
 * exits with {@link #exitCode()}. Commands translate the domain modules' exceptions into this one.
 */
public final class CliException extends RuntimeException {
    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The strategy, the data or the configuration is wrong (exit 65). */
    public static CliException invalidInput(String message) {
        return new CliException(ExitCode.INVALID_INPUT, message, null);
    }

    /** Same as {@link #invalidInput(String)}, keeping the cause for {@code --stacktrace}. */
    public static CliException invalidInput(String message, Throwable cause) {
        return new CliException(ExitCode.INVALID_INPUT, message, cause);
    }

    /** The command ran and failed for a reason outside stratc (exit 1). */
    public static CliException failure(String message, Throwable cause) {
        return new CliException(ExitCode.FAILURE, message, cause);
    }

    /** The command line is wrong in a way picocli cannot see, e.g. two options that exclude each other (exit 2). */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
