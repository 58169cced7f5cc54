package dev.stratc.runtime.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import dev.stratc.runtime.bus.SequencedSource;
import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.portfolio.QuoteCash;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.risk.RiskEngine;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.risk.TradingCalendar;
import dev.stratc.runtime.sim.ReplayDataSet;
import dev.stratc.runtime.sim.ReplayDriver;
import dev.stratc.runtime.sim.SimConfig;
import dev.stratc.runtime.sim.SimulatedBroker;
import dev.stratc.runtime.sim.SimulatedExchange;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;

/**
 * A run against the built-in simulated exchange, fed by a replayed data set: what {@code stratc run --mode paper}
 * does when no broker is configured (and {@code dry-run} with the replay as its market data). The exchange keeps
 * its state under the state directory, so a run killed and started again continues where it was.
 */
public final class SimulatedRun implements AutoCloseable {
    private final Setup setup;
    private final StateDirectory hold;
    private final SimulatedExchange exchange;
    private final Journal journal;
    private final Engine engine;
    private final List<Account> accounts = new ArrayList<>();

    /**
     * @param accountIds the simulated accounts of the pool (orders go to the least loaded unless the strategy
     *                   names one)
     * @param speed      replay speed against real time; 0 for as fast as possible
     * @param syncToDisk whether the journal is forced to the disk before each order leaves (always, except in
     *                   tests that only kill the process)
     */
    public record Setup(Path stateDir, StrategyProgram program, StrategySettings settings, EngineConfig engine,
                        ReplayDataSet data, SimConfig sim, List<String> accountIds, RiskLimits limits,
                        Set<LocalDate> holidays, RunEvents events, double speed, boolean syncToDisk) {
    }

    private SimulatedRun(Setup setup, StateDirectory hold, Set<String> adopting) {
        this.setup = setup;
        this.hold = hold;
        this.exchange = SimulatedExchange.persistent(setup.sim(), setup.stateDir().resolve("sim").resolve("exchange.jsonl"));
        for (String id : setup.accountIds()) {
            SimulatedBroker broker = exchange.broker(id);
            accounts.add(new Account(id, broker, List.of(), Set.of(), AccountLimits.NONE));
        }
        AccountPool pool = new AccountPool(accounts, null, Map.of());
        Journal.Replay replay = Journal.recover(setup.stateDir());
        this.journal = setup.syncToDisk()
                ? Journal.open(setup.stateDir(), setup.engine().zone(), replay.lastNumber())
                : Journal.openWithoutDiskSync(setup.stateDir(), setup.engine().zone(), replay.lastNumber());
        TradingCalendar calendar = TradingCalendar.named(setup.limits().calendar(), setup.holidays());
        RiskEngine risk = new RiskEngine(setup.limits(), calendar, new KillSwitch(setup.stateDir(), 500));
        this.engine = new Engine(setup.engine(), setup.program(), setup.settings(), pool, risk, journal, setup.events());
        engine.recover(replay);
        exchange.repaired().ifPresent(repair -> setup.events().warning(repair.describe()));
        engine.venueAppliedUpTo(exchange.sequence());
        if (!setup.data().events().isEmpty()) {
            engine.advanceClock(setup.data().events().getFirst().time());
        }
        for (Account account : accounts) {
            account.broker().start(engine.listener(account));
            engine.openAccount(account.id(), QuoteCash.of(account.broker()), adopting.contains(account.id()));
        }
    }

    /**
     * Locks the state directory for the life of the run and opens it.
     *
     * @throws StateDirectory.InUseException when another run holds the directory
     */
    public static SimulatedRun open(Setup setup) {
        return open(setup, Set.of());
    }

    /**
     * A run whose accounts in {@code adopting} hand the holdings found at the venue to the strategy
     * ({@code adopt_holdings: true}); the others keep them outside it.
     *
     * @throws StateDirectory.InUseException when another run holds the directory
     */
    public static SimulatedRun open(Setup setup, Set<String> adopting) {
        StateDirectory hold = StateDirectory.lock(setup.stateDir());
        try {
            return new SimulatedRun(setup, hold, adopting);
        } catch (RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    public Engine engine() {
        return engine;
    }

    public SimulatedExchange exchange() {
        return exchange;
    }

    /** Each account's cash when it was opened, for the session summary. */
    public Map<String, Double> startingCash() {
        Map<String, Double> cash = new LinkedHashMap<>();
        for (Account account : accounts) {
            cash.put(account.id(), setup.sim().initialCash());
        }
        return cash;
    }

    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    /** Replays the data set (the rest of it, after a restart); returns whether it reached the end. */
    public boolean run(BooleanSupplier stop) throws InterruptedException {
        boolean finished = new ReplayDriver(setup.data(), exchange, engine, setup.speed()).run(stop);
        engine.drain();
        engine.checkpoint();
        return finished;
    }

    /**
     * Runs on market data from a distributed bus instead of the data set, until {@code stop} says so. Each
     * delivery's position is the engine's sequence, so the journal says up to where the run got; the source is
     * told once the journal holds a position (a checkpoint), and not before.
     */
    public void run(BooleanSupplier stop, SequencedSource source) throws InterruptedException {
        long lastCommitted = engine.resumeAfter();
        long processed = lastCommitted;
        while (!stop.getAsBoolean()) {
            Optional<SequencedSource.Delivery> next = source.poll(Duration.ofMillis(100));
            if (next.isPresent()) {
                long seq = next.get().sequence();
                if (seq <= processed && seq > engine.resumeAfter()) {
                    continue;   // positions rise; an older one is a duplicate the source did not catch
                }
                ReplayDriver.step(exchange, engine, seq, next.get().event());
                processed = Math.max(processed, seq);
            } else {
                engine.drain();
                if (processed > lastCommitted) {
                    engine.checkpoint();
                    source.committed(processed);
                    lastCommitted = processed;
                }
            }
        }
        engine.drain();
        engine.checkpoint();
        if (processed > lastCommitted) {
            source.committed(processed);
        }
    }

    @Override
    public void close() {
        for (Account account : accounts) {
            account.broker().stop();
        }
        journal.close();
        exchange.close();
        hold.close();
    }
}
