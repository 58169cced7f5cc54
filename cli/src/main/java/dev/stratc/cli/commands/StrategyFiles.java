package dev.stratc.cli.commands;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.stratc.cli.CliException;

/** Reads the .strat files commands are given, with one clear message when one cannot be read. */
final class StrategyFiles {
    private StrategyFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.invalidInput(file + ": no such file");
        } catch (MalformedInputException e) {
            throw CliException.invalidInput(file + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw CliException.invalidInput(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
