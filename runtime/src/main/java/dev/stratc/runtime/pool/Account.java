package dev.stratc.runtime.pool;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.stratc.runtime.broker.BrokerInfo;
import dev.stratc.runtime.broker.BrokerPort;

/**
 * One account of the pool: its broker port, its rate limits, its health and its counters. Health changes only
 * on a real event, and {@link #healthDetail()} names it: a failed request makes the account
 * {@link AccountHealth#DEGRADED}, three in a row or a lost session {@link AccountHealth#FAILED}, a success after
 * that (or the session coming back) {@link AccountHealth#DEGRADED}, five successes {@link AccountHealth#HEALTHY}.
 * A clean start is healthy.
 */
public final class Account {
    private static final int FAILURES_TO_FAIL = 3;
    private static final int SUCCESSES_TO_HEAL = 5;

    private final String id;
    private final BrokerPort broker;
    private final List<RateLimit> limits;
    private final Set<String> strategies;
    private final AccountLimits accountLimits;
    private volatile AccountHealth health = AccountHealth.HEALTHY;
    private volatile String healthDetail = "";
    private int consecutiveFailures;
    private boolean everConnected;
    /** Why the session went down, while it is down. */
    private String lostSession;
    private int consecutiveSuccesses;
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile int workingOrders;

    public Account(String id, BrokerPort broker, List<RateLimit> limits, Set<String> strategies,
                   AccountLimits accountLimits) {
        this.id = id;
        this.broker = broker;
        this.limits = List.copyOf(limits);
        this.strategies = Set.copyOf(strategies);
        this.accountLimits = accountLimits;
    }

    public String id() {
        return id;
    }

    public BrokerPort broker() {
        return broker;
    }

    public BrokerInfo info() {
        return broker.info();
    }

    public Set<String> strategies() {
        return strategies;
    }

    public AccountLimits limits() {
        return accountLimits;
    }

    public List<RateLimit> rateLimits() {
        return limits;
    }

    /**
     * Takes the tokens a request needs from every limit, or none of them.
     *
     * @return 0 when granted; otherwise how many nanoseconds to wait before asking again
     */
    public long tryAcquire(RequestKind kind) {
        synchronized (this) {
            long wait = 0;
            for (RateLimit limit : limits) {
                double cost = limit.cost(kind);
                if (cost > 0) {
                    wait = Math.max(wait, limit.bucket().nanosUntil(cost));
                }
            }
            if (wait > 0) {
                throttled.incrementAndGet();
                return wait;
            }
            for (RateLimit limit : limits) {
                double cost = limit.cost(kind);
                if (cost > 0 && !limit.bucket().tryAcquire(cost)) {
                    // a bucket shared with another account emptied meanwhile; what was taken stays taken
                    throttled.incrementAndGet();
                    return Math.max(1, limit.bucket().nanosUntil(cost));
                }
            }
        }
        requests.incrementAndGet();
        if (kind == RequestKind.ORDER) {
            orders.incrementAndGet();
        }
        return 0;
    }

    /** Waits (at most {@code maxWaitMillis}) until the limits allow a request; returns whether they did. */
    public boolean acquire(RequestKind kind, long maxWaitMillis) {
        long deadline = System.nanoTime() + maxWaitMillis * 1_000_000;
        while (true) {
            long wait = tryAcquire(kind);
            if (wait == 0) {
                return true;
            }
            if (System.nanoTime() + wait > deadline) {
                return false;
            }
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The busiest of the account's limits, 0 to 1: what "least loaded" compares. */
    public double load() {
        double load = 0;
        for (RateLimit limit : limits) {
            load = Math.max(load, limit.bucket().utilization());
        }
        return load;
    }

    public synchronized void succeeded() {
        consecutiveFailures = 0;
        consecutiveSuccesses++;
        if (health == AccountHealth.FAILED && lostSession == null) {
            setHealth(AccountHealth.DEGRADED, "recovering after: " + healthDetail);
        } else if (health == AccountHealth.DEGRADED && consecutiveSuccesses >= SUCCESSES_TO_HEAL) {
            setHealth(AccountHealth.HEALTHY, "");
        }
    }

    public synchronized void failed(String detail) {
        errors.incrementAndGet();
        consecutiveSuccesses = 0;
        consecutiveFailures++;
        setHealth(consecutiveFailures >= FAILURES_TO_FAIL ? AccountHealth.FAILED : AccountHealth.DEGRADED, detail);
    }

    /**
     * The broker session came up or went down. The first time it comes up is the start, not an event: the account
     * stays as it is. Coming back after it was lost makes it {@link AccountHealth#DEGRADED} until it has
     * proved itself again, and the detail says what happened.
     */
    public synchronized void connection(boolean up, String detail) {
        if (up) {
            consecutiveFailures = 0;
            if (lostSession != null) {
                setHealth(AccountHealth.DEGRADED, "reconnected after: " + lostSession);
                lostSession = null;
                consecutiveSuccesses = 0;
            }
            everConnected = true;
        } else {
            lostSession = detail == null || detail.isBlank() ? "the session was lost" : detail;
            setHealth(AccountHealth.FAILED, everConnected ? "session lost: " + lostSession : "cannot connect: "
                    + lostSession);
        }
    }

    private void setHealth(AccountHealth next, String detail) {
        health = next;
        healthDetail = detail;
    }

    public AccountHealth health() {
        return health;
    }

    public String healthDetail() {
        return healthDetail;
    }

    public boolean usable() {
        return health != AccountHealth.FAILED;
    }

    public void workingOrders(int count) {
        workingOrders = count;
    }

    public int workingOrders() {
        return workingOrders;
    }

    /**
     * Counts an order an earlier process of the run sent (read back from the journal, or found at the broker),
     * so a restarted run routes by the same counts as one that never stopped.
     */
    public void countRecoveredOrder() {
        orders.incrementAndGet();
    }

    public long orderCount() {
        return orders.get();
    }

    public long requestCount() {
        return requests.get();
    }

    public long throttledCount() {
        return throttled.get();
    }

    public long errorCount() {
        return errors.get();
    }
}
