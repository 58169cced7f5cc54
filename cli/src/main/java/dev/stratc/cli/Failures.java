package dev.stratc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

import dev.stratc.brokers.binance.rest.BinanceApiException;
import dev.stratc.brokers.binance.rest.HostBannedException;
import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kiwoom.KiwoomException;
import dev.stratc.data.DataException;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.Placeholders;
import dev.stratc.runtime.journal.JournalCorruptException;
import dev.stratc.runtime.run.ConfigFiles;

/**
 * What a failure that reached the top of a command means to the user. Whatever a command did not translate
 * itself is sorted here by kind: the user's input (exit 65), the world outside stratc (exit 1: a broker, the
 * network, a file, memory); only what fits none of them is a bug in stratc (exit 70).
 */
public final class Failures {
    private Failures() {
    }

    /** The user's failure that {@code failure} is, or empty when it is a bug in stratc. */
    static Optional<CliException> translate(Throwable failure) {
        if (failure instanceof CliException cli) {
            return Optional.of(cli);
        }
        if (Memory.isOutOfMemory(failure)) {
            return Optional.of(CliException.failure(Memory.outOfMemory(), failure));
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Optional<CliException> known = known(t, failure);
            if (known.isPresent()) {
                return known;
            }
        }
        return Optional.empty();
    }

    private static Optional<CliException> known(Throwable t, Throwable failure) {
        return Optional.ofNullable(switch (t) {
            case Placeholders.UnsetVariableException unset -> CliException.invalidInput(unset.getMessage(), failure);
            case ConfigFiles.ConfigException config -> CliException.invalidInput(config.getMessage(), failure);
            case DataException data -> CliException.invalidInput(data.getMessage(), failure);
            case JournalCorruptException journal -> CliException.invalidInput(journal.getMessage(), failure);
            // An adapter's own check of an account's settings (an account number of the wrong form) is bad input;
            // anything else it says happened while talking to the broker.
            case KisException kis when kis.getCause() instanceof IllegalArgumentException ->
                    CliException.invalidInput(kis.getMessage(), failure);
            case KisException kis -> CliException.failure(kis.getMessage(), failure);
            case KiwoomException kiwoom when kiwoom.getCause() instanceof IllegalArgumentException ->
                    CliException.invalidInput(kiwoom.getMessage(), failure);
            // a refusal (its return_code, bracketed code and what to do), a rate limit that did not lift, the network
            case KiwoomException kiwoom -> CliException.failure(kiwoom.getMessage(), failure);
            case BrokerException broker -> CliException.failure(broker.getMessage(), failure);
            case BinanceApiException binance -> CliException.failure("Binance refused: " + binance.getMessage(), failure);
            case HostBannedException banned -> CliException.failure(banned.getMessage(), failure);
            case UnknownHostException host -> CliException.failure("cannot reach " + host.getMessage()
                    + ": unknown host (check the address and the network)", failure);
            case ConnectException connect -> CliException.failure("cannot connect: " + connect.getMessage(), failure);
            case SocketTimeoutException timeout -> CliException.failure("no answer in time: " + timeout.getMessage(),
                    failure);
            case UncheckedIOException io -> CliException.failure(describe(io), failure);
            case IOException io -> CliException.failure(describe(io), failure);
            default -> null;
        });
    }

    /**
     * An I/O failure that the code adds context to ({@code cannot write the report into DIR: <cause>}) in our
     * words: the cause's own text, often just a path, is replaced by what is wrong with the path.
     */
    public static String describe(UncheckedIOException e) {
        IOException cause = e.getCause();
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(cause.getClass().getName())) {
            return describe(cause);
        }
        String raw = ": " + cause.getMessage();
        return cause instanceof FileSystemException && message.endsWith(raw)
                ? message.substring(0, message.length() - raw.length()) + " (" + describe(cause) + ")"
                : message;
    }

    /** A file system failure in our words: the path and what is wrong with it. */
    public static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> missing.getFile() + ": no such file or directory";
            case AccessDeniedException denied -> denied.getFile() + ": permission denied";
            case FileAlreadyExistsException exists -> exists.getFile() + ": exists already (and is not a directory)";
            case NotDirectoryException notDirectory -> notDirectory.getFile() + ": not a directory";
            case FileSystemException other when other.getFile() != null ->
                    other.getFile() + ": " + (other.getReason() != null ? other.getReason() : "cannot be used");
            default -> e.getMessage() != null ? e.getMessage() : "input/output failed";
        };
    }
}
