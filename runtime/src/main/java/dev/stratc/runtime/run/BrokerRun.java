package dev.stratc.runtime.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.stratc.runtime.broker.Balance;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.bus.InProcessBus;
import dev.stratc.runtime.bus.MarketDataBus;
import dev.stratc.runtime.engine.Engine;
import dev.stratc.runtime.engine.EngineConfig;
import dev.stratc.runtime.engine.RunEvents;
import dev.stratc.runtime.journal.Journal;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.pool.MarketDataPlan;
import dev.stratc.runtime.pool.RateLimitProfiles;
import dev.stratc.runtime.pool.RequestKind;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.risk.RiskEngine;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.risk.TradingCalendar;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;

/**
 * A run against brokers' accounts (their paper environments, or live): adapters found through
 * {@link BrokerFactory}, market data from the accounts the pool assigns (streams, and multi-symbol quote
 * polling on one thread per account) published on the bus, the engine on the calling thread.
 */
public final class BrokerRun implements AutoCloseable {
    private final Setup setup;
    private final MarketDataBus bus = new InProcessBus();
    private final LinkedBlockingQueue<MarketEvent> marketQueue = new LinkedBlockingQueue<>();
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, Double> startingCash = new LinkedHashMap<>();
    private final List<Thread> pollers = new ArrayList<>();
    private final Journal journal;
    private final Engine engine;
    private final AccountPool pool;
    private volatile boolean stopping;

    public record Setup(Path stateDir, StrategyProgram program, StrategySettings settings, EngineConfig engine,
                        ConfigFiles.Accounts accounts, RiskLimits limits, Set<LocalDate> holidays, RunEvents events,
                        List<String> watchList) {
    }

    private BrokerRun(Setup setup) {
        this.setup = setup;
        Map<String, BrokerFactory> factories = new HashMap<>();
        ServiceLoader.load(BrokerFactory.class).forEach(f -> factories.put(f.name(), f));
        RateLimitProfiles profiles = new RateLimitProfiles();
        for (ConfigFiles.Accounts.Entry entry : setup.accounts().accounts()) {
            BrokerFactory factory = factories.get(entry.broker().broker());
            if (factory == null) {
                throw new ConfigFiles.ConfigException("account " + entry.broker().id() + ": no broker adapter '"
                        + entry.broker().broker() + "' is installed (available: " + factories.keySet().stream().sorted()
                        .toList() + ")");
            }
            accounts.add(new Account(entry.broker().id(), factory.create(entry.broker(),
                    setup.stateDir().resolve("brokers").resolve(entry.broker().id())),
                    profiles.forAccount(entry.broker()), entry.strategies(), entry.limits()));
        }
        pool = new AccountPool(accounts, setup.accounts().defaultAccount(), setup.accounts().strategyAccounts());
        Journal.Replay replay = Journal.readAll(setup.stateDir());
        journal = Journal.open(setup.stateDir(), setup.engine().zone(), replay.lastNumber());
        RiskEngine risk = new RiskEngine(setup.limits(), TradingCalendar.named(setup.limits().calendar(),
                setup.holidays()), new KillSwitch(setup.stateDir(), 500));
        engine = new Engine(setup.engine(), setup.program(), setup.settings(), pool, risk, journal, setup.events());
        engine.recover(replay);
        engine.advanceClock(System.currentTimeMillis());
        bus.subscribe(marketQueue::add);
    }

    /** Connects every account, reconciles with the journal and subscribes the watch list. */
    public static BrokerRun open(Setup setup) {
        BrokerRun run = new BrokerRun(setup);
        try {
            run.connect();
        } catch (RuntimeException e) {
            run.close();   // the accounts already started are stopped, the journal closed
            throw e;
        }
        return run;
    }

    private void connect() {
        for (Account account : accounts) {
            BrokerListener toEngine = engine.listener(account);
            account.broker().start(new BrokerListener() {
                @Override
                public void onOrderEvent(OrderEvent event) {
                    toEngine.onOrderEvent(event);
                }

                @Override
                public void onMarketEvent(MarketEvent event) {
                    bus.publish(event);
                }

                @Override
                public void onConnection(boolean up, String detail) {
                    toEngine.onConnection(up, detail);
                }
            });
            double cash = account.broker().balances().stream().mapToDouble(Balance::total).sum();
            startingCash.put(account.id(), cash);
            engine.openAccount(account.id(), cash);
        }
        engine.applyHistory();
        engine.reconcile();
        applyPlan(pool.rebalance(setup.watchList()));
    }

    private void applyPlan(MarketDataPlan plan) {
        pollers.forEach(Thread::interrupt);
        pollers.clear();
        for (Account account : accounts) {
            MarketDataPlan.Assignment assignment = plan.assignments().get(account.id());
            if (assignment == null) {
                continue;
            }
            if (!assignment.streamed().isEmpty()) {
                account.broker().subscribe(assignment.streamed());
            }
            if (!assignment.pollBatches().isEmpty()) {
                Thread poller = Thread.ofPlatform().daemon().name("quotes-" + account.id())
                        .start(() -> poll(account, assignment));
                pollers.add(poller);
            }
        }
    }

    private void poll(Account account, MarketDataPlan.Assignment assignment) {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            for (List<String> batch : assignment.pollBatches()) {
                if (!account.acquire(RequestKind.QUOTES, 5_000)) {
                    continue;
                }
                try {
                    account.broker().quotes(batch).forEach(bus::publish);
                    account.succeeded();
                } catch (BrokerException e) {
                    account.failed(e.getMessage());
                }
            }
        }
    }

    public Engine engine() {
        return engine;
    }

    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    public Map<String, Double> startingCash() {
        return Map.copyOf(startingCash);
    }

    /** Runs until {@code stop} says so, processing market data and broker events as they come. */
    public void run(BooleanSupplier stop) throws InterruptedException {
        long sequence = Math.max(engine.resumeAfter(), engine.sequence()) + 1;
        while (!stop.getAsBoolean()) {
            MarketEvent event = marketQueue.poll(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                engine.onMarket(sequence++, event);
            } else {
                engine.advanceClock(System.currentTimeMillis());
                engine.drain();
                engine.housekeeping();
            }
        }
        engine.drain();
        engine.checkpoint();
    }

    @Override
    public void close() {
        stopping = true;
        pollers.forEach(Thread::interrupt);
        for (Account account : accounts) {
            account.broker().stop();
        }
        journal.close();
    }
}
