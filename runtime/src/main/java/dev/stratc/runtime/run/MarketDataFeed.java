package dev.stratc.runtime.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.pool.MarketDataPlan;
import dev.stratc.runtime.pool.RequestKind;

/**
 * Feeds a run's market data from its accounts as the pool's plan says: the hottest symbols streamed over the
 * accounts' sessions, the rest polled with multi-symbol quotes, one poller thread per account, paced so polling
 * leaves the account's order reserve free.
 *
 * <p>A new watch list (or an account failing or recovering, checked every few seconds) re-plans, and only the
 * difference is sent: unsubscriptions first (they free slots), then subscriptions; symbols that stay where they are
 * are not touched, so a scan's changing list causes no subscription storm. A symbol a session will not stream
 * (slots taken, the broker refused it) is polled on the same account instead. A plan beyond the accounts' capacity
 * is reported once per plan as a warning with the numbers, never a failure.
 */
public final class MarketDataFeed implements AutoCloseable {
    /** How often the feed looks for accounts that failed or recovered. */
    static final Duration HEALTH_CHECK = Duration.ofSeconds(2);
    /** A poller whose broker failed waits this long before asking again. */
    private static final long FAILURE_PAUSE_MILLIS = 1_000;

    private final AccountPool pool;
    private final Consumer<MarketEvent> publish;
    private final Consumer<String> warn;
    private final Duration targetRefresh;
    private final Map<String, Poller> pollers = new HashMap<>();
    /** What each account's session streams now (as confirmed by the broker). */
    private final Map<String, Set<String>> streaming = new HashMap<>();
    private final AtomicLong subscribed = new AtomicLong();
    private final AtomicLong unsubscribed = new AtomicLong();
    private final ScheduledExecutorService healthCheck;
    private List<String> watchList = List.of();
    private Set<String> plannedAccounts = Set.of();
    private MarketDataPlan plan = new MarketDataPlan(Map.of(), List.of());
    private volatile boolean closed;

    /**
     * @param publish       where quotes and trades go (the run's bus); called from poller and broker threads
     * @param warn          where capacity warnings and refused subscriptions are reported
     * @param targetRefresh how fresh every symbol should be; slower polling is warned about
     */
    public MarketDataFeed(AccountPool pool, Consumer<MarketEvent> publish, Consumer<String> warn,
                          Duration targetRefresh) {
        this.pool = pool;
        this.publish = publish;
        this.warn = warn;
        this.targetRefresh = targetRefresh;
        this.healthCheck = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().daemon().name("market-data-plan").unstarted(runnable));
        healthCheck.scheduleWithFixedDelay(this::replanIfHealthChanged, HEALTH_CHECK.toMillis(),
                HEALTH_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches {@code symbols} (hottest first) from now on, moving as little as the new plan allows. */
    public synchronized MarketDataPlan watch(List<String> symbols) {
        watchList = List.copyOf(symbols);
        return replan();
    }

    public synchronized MarketDataPlan plan() {
        return plan;
    }

    /** What each account streams now. */
    public synchronized Map<String, Set<String>> streaming() {
        Map<String, Set<String>> copy = new HashMap<>();
        streaming.forEach((id, symbols) -> copy.put(id, Set.copyOf(symbols)));
        return copy;
    }

    /** Symbols subscribed and unsubscribed since the start, over every account: what re-planning cost. */
    public long subscriptionsSent() {
        return subscribed.get();
    }

    public long unsubscriptionsSent() {
        return unsubscribed.get();
    }

    private void replanIfHealthChanged() {
        synchronized (this) {
            if (closed || usableAccounts().equals(plannedAccounts)) {
                return;
            }
        }
        try {
            synchronized (this) {
                replan();
            }
        } catch (RuntimeException e) {
            warn.accept("market data: re-planning after an account's health changed failed: " + e.getMessage());
        }
    }

    private Set<String> usableAccounts() {
        Set<String> ids = new LinkedHashSet<>();
        pool.accounts().stream().filter(Account::usable).forEach(a -> ids.add(a.id()));
        return ids;
    }

    /** Called holding this object's lock. */
    private MarketDataPlan replan() {
        if (closed) {
            return plan;
        }
        plannedAccounts = usableAccounts();
        MarketDataPlan next = pool.rebalance(watchList, targetRefresh);
        Map<String, List<String>> notStreamed = applyStreams(next);
        for (Account account : pool.accounts()) {
            MarketDataPlan.Assignment assignment = next.assignments().get(account.id());
            List<String> polled = new ArrayList<>(assignment == null ? List.of() : assignment.polled());
            polled.addAll(notStreamed.getOrDefault(account.id(), List.of()));
            poller(account).assign(polled);
        }
        next.warning().filter(w -> !w.equals(plan.warning().orElse(null)))
                .ifPresent(w -> warn.accept("market data: " + w));
        plan = next;
        return plan;
    }

    /**
     * Sends the streaming difference: first every unsubscription (slots come free), then the subscriptions.
     *
     * @return per account, the symbols it was to stream but does not (to be polled there instead)
     */
    private Map<String, List<String>> applyStreams(MarketDataPlan next) {
        for (Account account : pool.accounts()) {
            Set<String> now = streaming.computeIfAbsent(account.id(), id -> new LinkedHashSet<>());
            MarketDataPlan.Assignment assignment = next.assignments().get(account.id());
            Set<String> gone = new LinkedHashSet<>(now);
            if (assignment != null) {
                gone.removeAll(assignment.streamed());
            }
            if (gone.isEmpty()) {
                continue;
            }
            now.removeAll(gone);
            unsubscribed.addAndGet(gone.size());
            try {
                account.broker().unsubscribe(gone);
            } catch (BrokerException e) {
                // a failed account's session may be down; it is not asked to stream them any more either way
                warn.accept("market data: account " + account.id() + " could not unsubscribe " + gone.size()
                        + " symbol(s): " + e.getMessage());
            }
        }
        Map<String, List<String>> notStreamed = new HashMap<>();
        for (Map.Entry<String, MarketDataPlan.Assignment> entry : next.assignments().entrySet()) {
            Account account = pool.account(entry.getKey());
            Set<String> now = streaming.computeIfAbsent(account.id(), id -> new LinkedHashSet<>());
            Set<String> added = new LinkedHashSet<>(entry.getValue().streamed());
            added.removeAll(now);
            if (added.isEmpty()) {
                continue;
            }
            subscribed.addAndGet(added.size());
            List<String> refused = subscribe(account, added);
            added.removeAll(refused);
            now.addAll(added);
            if (!refused.isEmpty()) {
                notStreamed.put(account.id(), refused);
            }
        }
        return notStreamed;
    }

    /** Subscribes {@code symbols}; returns those the session did not take. */
    private List<String> subscribe(Account account, Set<String> symbols) {
        try {
            account.broker().subscribe(symbols);
            return List.of();
        } catch (BrokerException all) {
            // find which: one at a time (those already taken return at once)
            List<String> refused = new ArrayList<>();
            String reason = all.getMessage();
            for (String symbol : symbols) {
                try {
                    account.broker().subscribe(Set.of(symbol));
                } catch (BrokerException one) {
                    refused.add(symbol);
                    reason = one.getMessage();
                }
            }
            if (!refused.isEmpty()) {
                warn.accept("market data: account " + account.id() + " does not stream " + refused.size()
                        + " symbol(s), polling them instead: " + reason);
            }
            return refused;
        }
    }

    private Poller poller(Account account) {
        return pollers.computeIfAbsent(account.id(), id -> new Poller(account));
    }

    @Override
    public void close() {
        List<Poller> stopping;
        synchronized (this) {
            closed = true;
            stopping = List.copyOf(pollers.values());
        }
        healthCheck.shutdownNow();
        stopping.forEach(Poller::stop);
    }

    /** One account's polling: its batches, round after round, paced to the plan's share of its budget. */
    private final class Poller {
        private final Account account;
        private List<List<String>> batches = List.of();
        private long intervalNanos;
        private int cursor;
        private Thread thread;
        private boolean stopped;

        Poller(Account account) {
            this.account = account;
        }

        synchronized void assign(List<String> symbols) {
            int size = Math.max(1, account.info().quoteBatchSize());
            List<List<String>> next = new ArrayList<>();
            for (int i = 0; i < symbols.size(); i += size) {
                next.add(List.copyOf(symbols.subList(i, Math.min(symbols.size(), i + size))));
            }
            batches = List.copyOf(next);
            double perSecond = AccountPool.pollRequestsPerSecond(account);
            intervalNanos = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
            if (!batches.isEmpty() && thread == null && !stopped) {
                thread = Thread.ofPlatform().daemon().name("quotes-" + account.id()).start(this::run);
            }
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
            if (thread != null) {
                thread.interrupt();
            }
        }

        /** The next batch to ask for, round-robin; a re-plan keeps the position, so no batch waits for two rounds. */
        private synchronized Optional<List<String>> nextBatch() throws InterruptedException {
            while (!stopped && batches.isEmpty()) {
                wait();
            }
            if (stopped) {
                return Optional.empty();
            }
            cursor = cursor % batches.size();
            return Optional.of(batches.get(cursor++));
        }

        private void run() {
            long next = System.nanoTime();
            try {
                while (true) {
                    Optional<List<String>> batch = nextBatch();
                    if (batch.isEmpty()) {
                        return;
                    }
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (!account.acquire(RequestKind.QUOTES, 5_000)) {
                        continue;
                    }
                    next = System.nanoTime() + intervalNanos;
                    poll(batch.get());
                }
            } catch (InterruptedException e) {
                // closed
            }
        }

        private void poll(List<String> batch) throws InterruptedException {
            try {
                account.broker().quotes(batch).forEach(publish);
                account.succeeded();
            } catch (BrokerException e) {
                account.failed(e.getMessage());
                Thread.sleep(FAILURE_PAUSE_MILLIS);
            }
        }
    }
}
