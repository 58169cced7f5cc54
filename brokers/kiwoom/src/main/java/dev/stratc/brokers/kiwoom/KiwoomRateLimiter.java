package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerClock;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pace of one app key: at most {@link KiwoomLimits#perApiId()} requests of an api-id, and at most the query or
 * order budget of the key together, in any rolling second. Kiwoom's own window is not aligned with ours and the
 * request takes time to arrive, so a window here is {@link #WINDOW} long, a little more than a second.
 *
 * <p>After a {@code 1700} refusal the api-id is paused, twice as long each time in a row (up to
 * {@link #MAX_PAUSE}), and back to normal after a request goes through. One limiter serves every account and command
 * of a key in this process ({@link #forKey}).
 */
public final class KiwoomRateLimiter {

    static final Duration WINDOW = Duration.ofMillis(1_100);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(16);

    private static final Map<String, KiwoomRateLimiter> BY_KEY = new ConcurrentHashMap<>();

    private final KiwoomLimits limits;
    private final BrokerClock clock;
    private final Map<String, Deque<Long>> perApiId = new HashMap<>();
    private final Deque<Long> queries = new ArrayDeque<>();
    private final Deque<Long> orders = new ArrayDeque<>();
    private final Map<String, Long> pausedUntil = new HashMap<>();
    private final Map<String, Duration> nextPause = new HashMap<>();

    public KiwoomRateLimiter(KiwoomLimits limits, BrokerClock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** The limiter of a key ({@link KiwoomConfig#keyFingerprint()}), shared in the process. */
    public static KiwoomRateLimiter forKey(KiwoomConfig config, BrokerClock clock) {
        return BY_KEY.computeIfAbsent(config.keyFingerprint() + "|" + config.limits(),
                k -> new KiwoomRateLimiter(config.limits(), clock));
    }

    public KiwoomLimits limits() {
        return limits;
    }

    /** Waits until a request of {@code apiId} may go, and counts it. */
    public void acquire(String apiId) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.nanoTime();
                Deque<Long> own = perApiId.computeIfAbsent(apiId, k -> new ArrayDeque<>());
                Deque<Long> kind = KiwoomLimits.isOrder(apiId) ? orders : queries;
                double kindLimit = KiwoomLimits.isOrder(apiId) ? limits.ordersPerSecond() : limits.queriesPerSecond();
                wait = Math.max(waitFor(own, limits.perApiId(), now), waitFor(kind, kindLimit, now));
                wait = Math.max(wait, pausedUntil.getOrDefault(apiId, now) - now);
                if (wait <= 0) {
                    own.addLast(now);
                    kind.addLast(now);
                    return;
                }
            }
            clock.sleep(Duration.ofNanos(wait));
        }
    }

    /** How long until {@code log} has room for one more, pruning what left the window. */
    private static long waitFor(Deque<Long> log, double perSecond, long now) {
        long window = WINDOW.toNanos();
        while (!log.isEmpty() && now - log.peekFirst() >= window) {
            log.removeFirst();
        }
        // a rate below 1/s: one request per 1/rate seconds
        if (perSecond < 1) {
            return log.isEmpty() ? 0 : log.peekLast() + (long) (window / perSecond) - now;
        }
        int allowed = (int) Math.floor(perSecond);
        if (log.size() < allowed) {
            return 0;
        }
        return log.peekFirst() + window - now;
    }

    /** Kiwoom refused a request of {@code apiId} with 1700: pause that api-id. Returns the pause. */
    public synchronized Duration refused(String apiId) {
        Duration pause = nextPause.getOrDefault(apiId, FIRST_PAUSE);
        pausedUntil.put(apiId, clock.nanoTime() + pause.toNanos());
        Duration doubled = pause.multipliedBy(2);
        nextPause.put(apiId, doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled);
        return pause;
    }

    /** A request of {@code apiId} went through: the next refusal starts with a short pause again. */
    public synchronized void succeeded(String apiId) {
        nextPause.remove(apiId);
    }
}
