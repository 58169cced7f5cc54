package dev.stratc.data;

/** Market data that cannot be used as it is. The message names the file, the line and the problem. */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    public static DataException at(String source, long line, String problem) {
        return new DataException(source + ":" + line + ": " + problem);
    }
}
