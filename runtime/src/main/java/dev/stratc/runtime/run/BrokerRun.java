package dev.stratc.runtime.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.stratc.runtime.broker.BrokerFactory;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.BrokerPort;
import dev.stratc.runtime.broker.Funding;
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
import dev.stratc.runtime.pool.RateLimitProfiles;
import dev.stratc.runtime.portfolio.QuoteCash;
import dev.stratc.runtime.risk.KillSwitch;
import dev.stratc.runtime.risk.RiskEngine;
import dev.stratc.runtime.risk.RiskLimits;
import dev.stratc.runtime.risk.TradingCalendar;
import dev.stratc.strategy.StrategyProgram;
import dev.stratc.strategy.StrategySettings;

/**
 * A run against brokers' accounts (their paper environments, or live): adapters found through
 * {@link BrokerFactory}, market data from the accounts the pool assigns ({@link MarketDataFeed}: streams, and
 * multi-symbol quote polling on one thread per account) published on the bus, the engine on the calling thread.
 */
public final class BrokerRun implements AutoCloseable {
    private final Setup setup;
    private final StateDirectory hold;
    private final MarketDataBus bus = new InProcessBus();
    private final LinkedBlockingQueue<MarketEvent> marketQueue = new LinkedBlockingQueue<>();
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, Double> startingCash = new LinkedHashMap<>();
    /** Accounts with {@code adopt_holdings: true}: holdings found at the broker are handed to the strategy. */
    private final Set<String> adopting = new HashSet<>();
    private final Journal journal;
    private final Engine engine;
    private final AccountPool pool;
    private MarketDataFeed feed;
    /** Entries (true) and exits of the screen of {@code universe:}, told by the broker's thread. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Map.Entry<String, Boolean>> screenChanges =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The screen's symbols now; from connect on, touched by the engine's thread only. */
    private final Set<String> screened = new java.util.LinkedHashSet<>();
    private List<String> watching = List.of();
    private long lastWatchCheck;

    public record Setup(Path stateDir, StrategyProgram program, StrategySettings settings, EngineConfig engine,
                        ConfigFiles.Accounts accounts, RiskLimits limits, Set<LocalDate> holidays, RunEvents events,
                        List<String> watchList) {
    }

    private BrokerRun(Setup setup, StateDirectory hold) {
        this.setup = setup;
        this.hold = hold;
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
            accounts.add(new Account(entry.broker().id(), port(factory, entry),
                    profiles.forAccount(entry.broker()), entry.strategies(), entry.limits()));
            if (entry.adoptHoldings()) {
                adopting.add(entry.broker().id());
            }
        }
        pool = new AccountPool(accounts, setup.accounts().defaultAccount(), setup.accounts().strategyAccounts());
        refuseShortsOnSpot(setup);
        Journal.Replay replay = Journal.recover(setup.stateDir());
        journal = Journal.open(setup.stateDir(), setup.engine().zone(), replay.lastNumber());
        RiskEngine risk = new RiskEngine(setup.limits(), TradingCalendar.named(setup.limits().calendar(),
                setup.holidays()), new KillSwitch(setup.stateDir(), 500));
        engine = new Engine(setup.engine(), setup.program(), setup.settings(), pool, risk, journal, setup.events());
        engine.recover(replay);
        engine.advanceClock(System.currentTimeMillis());
        bus.subscribe(marketQueue::add);
    }

    /**
     * A strategy that may sell short ({@code allow_short: true}) whose orders go to an account that cannot (Binance
     * Spot, KIS): refused before anything connects, so no short is ever sent where it would be a sell of coins or
     * shares the account does not hold. Its orders go to the strategy's account in {@code routing}, else the
     * default, else any account of the pool.
     */
    private void refuseShortsOnSpot(Setup setup) {
        if (!setup.program().info().allowShort()) {
            return;
        }
        String strategy = setup.program().info().name();
        String routed = setup.accounts().strategyAccounts().getOrDefault(strategy, setup.accounts().defaultAccount());
        for (Account account : accounts) {
            if ((routed == null || routed.equals(account.id())) && !account.broker().sellsShort()) {
                throw new ShortSellingRefused(strategy, account.id(), account.info().venue());
            }
        }
    }

    /** A short-capable strategy routed to an account that only sells what it holds; the message says what to do. */
    public static final class ShortSellingRefused extends RuntimeException {
        private final String account;

        ShortSellingRefused(String strategy, String account, String venue) {
            super("strategy " + strategy + " may sell short (allow_short: true), but its orders go to account "
                    + account + ", a " + venueName(venue) + " account, where a sell is limited to what the account "
                    + "holds; route the strategy to an account that trades futures (markets: usdm in the accounts "
                    + "file, routing.strategies." + strategy + ": <that account>) or remove allow_short");
            this.account = account;
        }

        public String account() {
            return account;
        }

        private static String venueName(String venue) {
            return switch (venue) {
                case "BINANCE" -> "Binance Spot";
                case "KIS", "KIWOOM" -> venue + " cash equity";
                default -> venue;
            };
        }
    }

    /**
     * The account's port. An adapter refuses an account's settings (an account number of the wrong form) with
     * an IllegalArgumentException, its own or as the cause of its own exception: a mistake in the accounts
     * file, reported as one.
     */
    private BrokerPort port(BrokerFactory factory, ConfigFiles.Accounts.Entry entry) {
        String id = entry.broker().id();
        try {
            return factory.create(entry.broker(), setup.stateDir().resolve("brokers").resolve(id));
        } catch (RuntimeException e) {
            if (!(e instanceof IllegalArgumentException) && !(e.getCause() instanceof IllegalArgumentException)) {
                throw e;
            }
            String message = String.valueOf(e.getMessage());
            throw new ConfigFiles.ConfigException(message.contains(id) ? message : "account " + id + ": " + message, e);
        }
    }

    /**
     * Locks the state directory for the life of the run, then connects every account, reconciles with the
     * journal and subscribes the watch list.
     *
     * @throws StateDirectory.InUseException when another run holds the directory
     */
    public static BrokerRun open(Setup setup) {
        StateDirectory hold = StateDirectory.lock(setup.stateDir());
        BrokerRun run = null;
        try {
            run = new BrokerRun(setup, hold);
            run.connect();
            return run;
        } catch (RuntimeException e) {
            if (run != null) {
                run.close();
            } else {
                hold.close();
            }
            throw e;
        }
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

                @Override
                public void onFunding(Funding funding) {
                    toEngine.onFunding(funding);
                }
            });
            double cash = QuoteCash.of(account.broker());
            startingCash.put(account.id(), cash);
            engine.openAccount(account.id(), cash, adopting.contains(account.id()));
        }
        engine.applyHistory();
        engine.reconcile();
        feed = new MarketDataFeed(pool, bus::publish, setup.events()::warning, AccountPool.DEFAULT_REFRESH);
        followUniverse();
        watching = watchList();
        feed.watch(watching);
    }

    /** {@code universe: kiwoom_condition("name")}: its hits now; its entries and exits queue for the engine thread. */
    private void followUniverse() {
        ScanUniverse universe = setup.accounts().universe();
        if (universe == null) {
            return;
        }
        String id = universe.account() != null ? universe.account() : setup.accounts().accounts().stream()
                .filter(e -> e.broker().broker().equals(universe.broker())).findFirst().orElseThrow().broker().id();
        String what = universe.where() + ": universe: " + universe.text();
        if (!(pool.account(id).broker() instanceof dev.stratc.runtime.broker.ScreenSource source)) {
            throw new ConfigFiles.ConfigException(what + ": the " + universe.broker() + " adapter of account " + id
                    + " has no saved screens");
        }
        try {
            screened.addAll(source.follow(universe.name(), (code, in) -> screenChanges.add(Map.entry(code, in))));
        } catch (IllegalArgumentException e) {
            throw new ConfigFiles.ConfigException(what + ": " + e.getMessage(), e);
        }
        setup.events().note("universe " + universe.text() + " on account " + id + ": " + screened.size()
                + " symbol(s) now, followed as they enter and leave it");
    }

    /**
     * {@code --symbols} and the screen's symbols. A symbol that left the screen stays watched while the strategy
     * holds it or has an order on it, so that its exits still see prices.
     */
    private List<String> watchList() {
        Set<String> list = new java.util.LinkedHashSet<>(setup.watchList());
        list.addAll(screened);
        Set<String> engaged = new HashSet<>();
        engine.orders().working().forEach(o -> engaged.add(o.intent().symbol()));
        for (String symbol : watching) {
            if (!list.contains(symbol) && (engine.portfolio().quantity(symbol) != 0 || engaged.contains(symbol))) {
                list.add(symbol);
            }
        }
        return List.copyOf(list);
    }

    /** On the engine's thread: the screen's changes so far, and symbols that left it once they are flat. */
    private void updateWatchList(boolean recheck) {
        boolean changed = false;
        for (Map.Entry<String, Boolean> change; (change = screenChanges.poll()) != null; ) {
            changed |= change.getValue() ? screened.add(change.getKey()) : screened.remove(change.getKey());
        }
        if (!changed && !recheck) {
            return;
        }
        List<String> next = watchList();
        if (!next.equals(watching)) {
            watching = next;
            feed.watch(watching);
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
            if (setup.accounts().universe() != null) {
                long now = System.currentTimeMillis();
                boolean recheck = now - lastWatchCheck >= 5_000;
                if (recheck) {
                    lastWatchCheck = now;
                }
                updateWatchList(recheck);
            }
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
        if (feed != null) {
            feed.close();
        }
        for (Account account : accounts) {
            account.broker().stop();
        }
        journal.close();
        hold.close();
    }
}
