package dev.stratc.runtime.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stratc.strategy.AccountChoice;

/**
 * The accounts of a run: it routes orders (an explicit account, the strategy's account, or the least loaded
 * healthy one) and spreads the market-data work over them, moving a failed account's share to the others.
 */
public final class AccountPool {
    /** Share of an account's request budget kept free for orders when planning polling. */
    public static final double ORDER_RESERVE = 0.25;

    /** How fresh a watched symbol should be unless the run says otherwise: a second. */
    public static final java.time.Duration DEFAULT_REFRESH = java.time.Duration.ofSeconds(1);

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final String defaultAccount;
    private final Map<String, String> strategyAccounts;
    private MarketDataPlan plan = new MarketDataPlan(Map.of(), List.of());

    /**
     * @param defaultAccount   where orders with no account go: an account id, or {@code null} for the least
     *                         loaded
     * @param strategyAccounts strategy name → account id
     */
    public AccountPool(Collection<Account> accounts, String defaultAccount, Map<String, String> strategyAccounts) {
        for (Account account : accounts) {
            if (this.accounts.putIfAbsent(account.id(), account) != null) {
                throw new IllegalArgumentException("account " + account.id() + " is listed twice");
            }
        }
        if (this.accounts.isEmpty()) {
            throw new IllegalArgumentException("the account pool is empty");
        }
        if (defaultAccount != null && !this.accounts.containsKey(defaultAccount)) {
            throw new IllegalArgumentException("routing.default names account " + defaultAccount
                    + ", which is not in the pool " + this.accounts.keySet());
        }
        strategyAccounts.forEach((strategy, id) -> {
            if (!this.accounts.containsKey(id)) {
                throw new IllegalArgumentException("routing.strategies." + strategy + " names account " + id
                        + ", which is not in the pool " + this.accounts.keySet());
            }
        });
        this.defaultAccount = defaultAccount;
        this.strategyAccounts = Map.copyOf(strategyAccounts);
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public Account account(String id) {
        return accounts.get(id);
    }

    /**
     * The account an order goes to. An explicitly named account is used or the order refused; otherwise the
     * strategy's account, the default, or the least loaded healthy one, falling over to the least loaded
     * healthy account when the chosen one has failed.
     */
    public Account route(AccountChoice choice, String strategy) {
        if (choice instanceof AccountChoice.Named named) {
            Account account = accounts.get(named.id());
            if (account == null) {
                throw new RoutingException("the strategy asks for account " + named.id()
                        + ", which is not in the pool " + accounts.keySet());
            }
            if (!account.usable()) {
                throw new RoutingException("account " + named.id() + " is failing (" + account.healthDetail()
                        + "); the strategy asked for it by name, so the order is not moved");
            }
            return account;
        }
        if (choice instanceof AccountChoice.Default) {
            String id = strategyAccounts.getOrDefault(strategy, defaultAccount);
            Account preferred = id == null ? null : accounts.get(id);
            if (preferred != null && preferred.usable()) {
                return preferred;
            }
        }
        return leastLoaded();
    }

    /** {@code select_best_account()}: the healthy account with the most rate budget left, then fewest working orders. */
    public Account leastLoaded() {
        return accounts.values().stream().filter(Account::usable)
                .min(Comparator.comparingInt((Account a) -> a.health() == AccountHealth.HEALTHY ? 0 : 1)
                        .thenComparingDouble(Account::load)
                        .thenComparingInt(Account::workingOrders)
                        .thenComparingLong(Account::orderCount))
                .orElseThrow(() -> new RoutingException("every account of the pool is failing: "
                        + accounts.values().stream().map(a -> a.id() + " (" + a.healthDetail() + ")").toList()));
    }

    public MarketDataPlan plan() {
        return plan;
    }

    /** {@link #rebalance(List, java.time.Duration)} for a refresh of {@link #DEFAULT_REFRESH}. */
    public MarketDataPlan rebalance(List<String> watchList) {
        return rebalance(watchList, DEFAULT_REFRESH);
    }

    /**
     * Spreads {@code watchList} (hottest first) over the usable accounts: the hottest symbols take streaming
     * slots (up to each account's session limit, balanced), the rest go to multi-symbol quote batches on the
     * accounts whose request budget leaves the shortest polling round. A symbol stays on the account that
     * already watches it while that account is usable and has room, so a changing watch list moves little.
     * A list larger than the accounts can refresh within {@code targetRefresh} is still planned in full (polled
     * more slowly); {@link MarketDataPlan#warning()} then says so with the numbers.
     */
    public MarketDataPlan rebalance(List<String> watchList, java.time.Duration targetRefresh) {
        List<Account> usable = accounts.values().stream().filter(Account::usable).toList();
        Map<String, Set<String>> streamed = new LinkedHashMap<>();
        Map<String, List<String>> polled = new LinkedHashMap<>();
        for (Account account : usable) {
            streamed.put(account.id(), new LinkedHashSet<>());
            polled.put(account.id(), new ArrayList<>());
        }
        Map<String, String> previous = new HashMap<>();
        plan.assignments().forEach((id, assignment) -> assignment.streamed().forEach(s -> previous.put(s, id)));

        int streamSlots = usable.stream().mapToInt(a -> Math.max(0, a.info().maxSubscriptions())).reduce(0,
                (x, y) -> (int) Math.min(Integer.MAX_VALUE, (long) x + y));
        List<String> unwatched = new ArrayList<>();
        List<String> toPoll = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int hot = 0;
        List<String> newlyHot = new ArrayList<>();
        for (String symbol : watchList) {
            if (!seen.add(symbol)) {
                continue;
            }
            if (hot < streamSlots) {
                hot++;
                String keep = previous.get(symbol);
                if (keep != null && streamed.containsKey(keep)
                        && streamed.get(keep).size() < accounts.get(keep).info().maxSubscriptions()) {
                    streamed.get(keep).add(symbol);
                } else {
                    newlyHot.add(symbol);
                }
            } else {
                toPoll.add(symbol);
            }
        }
        // after the symbols that stay: new ones take the slots that came free, so nothing else has to move
        for (String symbol : newlyHot) {
            toStream(symbol, usable, streamed);
        }
        for (String symbol : toPoll) {
            Account target = usable.stream().filter(a -> a.info().quoteBatchSize() > 0)
                    .min(Comparator.comparingDouble(a -> cycleSeconds(a, polled.get(a.id()).size() + 1)))
                    .orElse(null);
            if (target == null) {
                unwatched.add(symbol);
            } else {
                polled.get(target.id()).add(symbol);
            }
        }
        Map<String, MarketDataPlan.Assignment> assignments = new LinkedHashMap<>();
        double target = targetRefresh.toNanos() / 1e9;
        long pollableAtTarget = 0;
        double refresh = 0;
        for (Account account : usable) {
            pollableAtTarget += pollableWithin(account, target);
            refresh = Math.max(refresh, cycleSeconds(account, polled.get(account.id()).size()));
        }
        for (Account account : usable) {
            List<String> symbols = polled.get(account.id());
            int batch = Math.max(1, account.info().quoteBatchSize());
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < symbols.size(); i += batch) {
                batches.add(List.copyOf(symbols.subList(i, Math.min(symbols.size(), i + batch))));
            }
            assignments.put(account.id(), new MarketDataPlan.Assignment(Set.copyOf(streamed.get(account.id())),
                    List.copyOf(batches), cycleSeconds(account, symbols.size())));
        }
        MarketDataPlan.Capacity capacity = new MarketDataPlan.Capacity(seen.size(), streamSlots, hot,
                toPoll.size() - unwatched.size(), target, pollableAtTarget, refresh);
        plan = new MarketDataPlan(Map.copyOf(assignments), List.copyOf(unwatched), capacity);
        return plan;
    }

    private static void toStream(String symbol, List<Account> usable, Map<String, Set<String>> streamed) {
        Account target = usable.stream()
                .filter(a -> streamed.get(a.id()).size() < a.info().maxSubscriptions())
                .min(Comparator.comparingDouble(a -> streamed.get(a.id()).size()
                        / (double) Math.max(1, a.info().maxSubscriptions())))
                .orElseThrow();
        streamed.get(target.id()).add(symbol);
    }

    /** Seconds one polling round of {@code symbols} takes within the account's quote budget. */
    static double cycleSeconds(Account account, int symbols) {
        int batchSize = account.info().quoteBatchSize();
        double perSecond = pollRequestsPerSecond(account);
        if (symbols == 0 || batchSize <= 0 || perSecond == 0) {
            return 0;
        }
        int requests = (symbols + batchSize - 1) / batchSize;
        return requests / perSecond;
    }

    /** How many symbols the account's polling refreshes within {@code seconds}. */
    private static long pollableWithin(Account account, double seconds) {
        int batchSize = account.info().quoteBatchSize();
        return batchSize <= 0 ? 0 : (long) Math.floor(pollRequestsPerSecond(account) * seconds + 1e-9) * batchSize;
    }

    /**
     * The quote requests a second polling may use: the account's tightest limit for them (a shared bucket counts
     * whole), less the share kept for orders; 0 when the account cannot poll.
     */
    public static double pollRequestsPerSecond(Account account) {
        if (account.info().quoteBatchSize() <= 0) {
            return 0;
        }
        double perSecond = Double.MAX_VALUE;
        for (RateLimit limit : account.rateLimits()) {
            double cost = limit.cost(RequestKind.QUOTES);
            if (cost > 0) {
                perSecond = Math.min(perSecond, limit.bucket().refillPerSecond() / cost);
            }
        }
        return perSecond == Double.MAX_VALUE ? 0 : perSecond * (1 - ORDER_RESERVE);
    }
}
