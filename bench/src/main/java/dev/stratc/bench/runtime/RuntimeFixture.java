package dev.stratc.bench.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stratc.compiler.CompileResult;
import dev.stratc.compiler.StratCompiler;
import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.engine.RunMode;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.risk.RiskEngine;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.risk.TradingCalendar;
import dev.stratc.runtime.sim.SimConfig;
import dev.stratc.runtime.sim.SimulatedBroker;
import dev.stratc.runtime.sim.SimulatedExchange;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;

/** An engine wired as `stratc run --mode paper` wires it, for the runtime benchmarks. */
final class RuntimeFixture {
    static final int SYMBOLS = 2_700;
    static final ZoneId ZONE = ZoneId.of("UTC");

    final SimulatedExchange exchange = SimulatedExchange.inMemory(new SimConfig("KRW", 1e15, dev.stratc.backtest.CostModel.free(), false));
    final Engine engine;
    final Journal journal;
    final String[] symbols;

    /** Where the journal goes, for {@link TickToIntentBenchmark}'s side-by-side figures. */
    enum JournalMode {
        /** No journal: records are numbered and dropped (the peer that shows what journalling costs). */
        OFF,
        /** tmpfs, one write per record (the journal before group commit), no fsync. */
        TMPFS_PER_RECORD,
        /** tmpfs, group commit (one write per file per event, the order's records before it leaves), no fsync. */
        TMPFS,
        /** The machine's disk ({@code java.io.tmpdir}), group commit and an fsync before every order, as a live run. */
        DISK_FSYNC
    }

    RuntimeFixture(StrategyProgram program, RiskLimits limits) {
        this(program, limits, JournalMode.TMPFS);
    }

    RuntimeFixture(StrategyProgram program, RiskLimits limits, JournalMode mode) {
        this(program, limits, mode, SYMBOLS);
    }

    RuntimeFixture(StrategyProgram program, RiskLimits limits, JournalMode mode, int symbolCount) {
        symbols = new String[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            symbols[i] = String.format("%06d", i * 7 + 5930);
        }
        Path state = mode == JournalMode.DISK_FSYNC ? diskDirectory() : stateDirectory();
        SimulatedBroker broker = exchange.broker("SIM");
        Account account = new Account("SIM", broker, List.of(), Set.of(), AccountLimits.NONE);
        AccountPool pool = new AccountPool(List.of(account), null, Map.of());
        journal = switch (mode) {
            case OFF -> Journal.discarding(ZONE);
            case TMPFS_PER_RECORD -> Journal.openWithoutDiskSync(state, ZONE, 0).withoutGroupCommit();
            case TMPFS -> Journal.openWithoutDiskSync(state, ZONE, 0);
            case DISK_FSYNC -> Journal.open(state, ZONE, 0);
        };
        RiskEngine risk = new RiskEngine(limits, TradingCalendar.named(limits.calendar(), Set.of()),
                new KillSwitch(state, 1_000));
        Duration timeframe = Duration.ofMinutes(1);
        engine = new Engine(EngineConfig.of(program.info().name(), RunMode.PAPER, timeframe, ZONE, "bench", 1),
                program, StrategySettings.defaults(timeframe, ZONE), pool, risk, journal, new RunEvents() { });
        broker.start(engine.listener(account));
        engine.openAccount("SIM", 1e15);
    }

    /** The journal lives on tmpfs where there is one: the benchmarks measure the engine, not the disk. */
    private static Path stateDirectory() {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "stratc-bench")
                    : Files.createTempDirectory("stratc-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path diskDirectory() {
        try {
            return Files.createTempDirectory("stratc-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** examples/momentum.strat, compiled (run the benchmarks from the repository root, or set -Dstratc.examples). */
    static StrategyProgram momentum() {
        Path file = Path.of(System.getProperty("stratc.examples", "examples"), "momentum.strat");
        try {
            CompileResult result = StratCompiler.standard().compile(Files.readString(file), file.toString());
            if (result.hasErrors()) {
                throw new IllegalStateException(file + " does not compile: " + result.diagnostics());
            }
            return result.program();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (run from the repository root)", e);
        }
    }
}
