package dev.stratc.cli.commands;

import java.nio.file.Path;

import dev.stratc.cli.CliException;
import dev.stratc.strategy.StrategyProgram;

/** Turns a .strat file into a runnable program for backtest and optimize. */
final class StrategyFiles {
    private StrategyFiles() {
    }

    static StrategyProgram compile(Path file) {
        throw CliException.failure(file + ": the compiler is not merged into this build yet", null);
    }
}
