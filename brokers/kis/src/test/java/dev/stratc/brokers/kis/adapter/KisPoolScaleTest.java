package dev.stratc.brokers.kis.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.kis.KisAccountConfig;
import dev.stratc.brokers.kis.KisAccountNumber;
import dev.stratc.brokers.kis.KisBroker;
import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisEndpoints;
import dev.stratc.brokers.kis.KisFixture;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kis.KisSession;
import dev.stratc.brokers.kis.TestClock;
import dev.stratc.brokers.kis.mock.MockKis;
import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.pool.MarketDataPlan;
import dev.stratc.runtime.pool.RateLimitProfiles;
import dev.stratc.runtime.run.MarketDataFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' scale: three KIS app keys watching a market-wide universe through the pool and the market-data feed,
 * against MockKis, which counts every request per key in every rolling second and refuses a session's 42nd
 * registration. The hottest symbols stream in each key's 40 free slots (the notices take the 41st), the rest are
 * polled 30 to a request, and nothing breaks a limit; the scan's list changing moves only what changed.
 */
class KisPoolScaleTest {
    private static final String SECRET = "s".repeat(180);
    private static final Duration SESSION = Duration.ofSeconds(6);

    @TempDir
    Path dir;
    private final MockKis kis = new MockKis();
    private final TestClock clock = new TestClock();
    private final OkHttpClient http = KisSession.defaultHttpClient();
    private final List<KisBroker> brokers = new ArrayList<>();
    private MarketDataFeed feed;

    @AfterEach
    void tearDown() throws Exception {
        if (feed != null) {
            feed.close();
        }
        brokers.forEach(KisBroker::stop);
        kis.close();
    }

    @Test
    void threeRealKeysWatchEighteenHundredSymbolsWithinEveryKeysLimits() throws Exception {
        Session session = run(false, 1_800);

        assertThat(session.plan.capacity().streamed()).isEqualTo(120);
        assertThat(session.plan.capacity().polled()).isEqualTo(1_680);
        // 1,680 polled over three keys at 20/s less the margin and the orders' quarter: ~1.4 s a round
        assertThat(session.plan.capacity().refreshSeconds()).isBetween(1.2, 1.7);
        assertThat(session.warnings).anySatisfy(w -> assertThat(w)
                .contains("1,800 symbols are more than the accounts refresh every 1.0 s")
                .contains("(1,290: 120 streamed in 3 account(s)' slots, 1,170 polled within their request budgets)")
                .contains("the 1,680 polled symbols are refreshed every 1.4 s"));
        assertThat(session.rounds).as("every polled symbol refreshed again and again").isGreaterThanOrEqualTo(2);
    }

    @Test
    void threePaperKeysWatchThreeHundredSymbolsAtTwoRequestsASecond() throws Exception {
        Session session = run(true, 300);

        assertThat(session.plan.capacity().streamed()).isEqualTo(120);
        assertThat(session.plan.capacity().polled()).isEqualTo(180);
        assertThat(session.rounds).isGreaterThanOrEqualTo(2);
    }

    private record Session(MarketDataPlan plan, List<String> warnings, int rounds) {
    }

    /** Three keys, {@code symbols} listed and watched for {@link #SESSION}, with the watch list changing half-way. */
    private Session run(boolean paper, int symbols) throws Exception {
        List<String> universe = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            String code = String.format("%06d", 100_000 + i * 3);
            universe.add(code);
            kis.addSymbol(code, "종목" + i, 10_000 + i * 10L);
        }
        RateLimitProfiles profiles = new RateLimitProfiles();
        List<Account> accounts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, Set<String>> traded = new ConcurrentHashMap<>();
        Map<String, Integer> quoted = new ConcurrentHashMap<>();
        for (int n = 1; n <= 3; n++) {
            String prefix = (paper ? "PSpaper" : "PSreal") + n;
            String key = prefix + "0".repeat(34 - prefix.length()) + "K" + n; // 36 characters, as KIS's are
            keys.add(key);
            String number = "5000000" + n + "-01";
            kis.addAccount(key, SECRET, paper, number, "hts" + n, 100_000_000);
            KisMode mode = paper ? KisMode.PAPER : KisMode.REAL;
            KisAccountConfig config = new KisAccountConfig("KIS_00" + n, mode, new KisCredentials(key, SECRET),
                    KisAccountNumber.parse(number), "hts" + n, "P", new KisEndpoints(kis.restUrl(),
                    kis.webSocketUrl()), 0, dir.resolve("tokens"), false);
            KisBroker broker = new KisBroker(new KisSession(config, http, clock), clock, KisFixture.TIMING,
                    dir.resolve("orders"));
            brokers.add(broker);
            broker.start(new BrokerListener() {
                @Override
                public void onOrderEvent(OrderEvent event) {
                }

                @Override
                public void onMarketEvent(MarketEvent event) {
                    if (event instanceof MarketEvent.Trade) {
                        traded.computeIfAbsent(config.id(), id -> ConcurrentHashMap.newKeySet()).add(event.symbol());
                    }
                }

                @Override
                public void onConnection(boolean up, String detail) {
                }
            });
            BrokerAccount entry = new BrokerAccount(config.id(), "kis", paper ? "paper" : "live",
                    Map.of("app_key", "${KIS_APP_KEY_" + n + "}"));
            accounts.add(new Account(config.id(), broker, profiles.forAccount(entry), Set.of(), AccountLimits.NONE));
        }
        AccountPool pool = new AccountPool(accounts, null, Map.of());
        List<String> warnings = new CopyOnWriteArrayList<>();
        feed = new MarketDataFeed(pool, event -> {
            if (event instanceof MarketEvent.Quote) {
                quoted.merge(event.symbol(), 1, Integer::sum);
            }
        }, warnings::add, AccountPool.DEFAULT_REFRESH);

        MarketDataPlan first = feed.watch(universe);
        assertWatchedOnce(first, universe);
        long subscribedAtStart = feed.subscriptionsSent();
        assertThat(subscribedAtStart).isEqualTo(120);

        long end = System.nanoTime() + SESSION.toNanos();
        boolean changed = false;
        List<String> watchList = universe;
        while (System.nanoTime() < end) {
            for (String symbol : watchList.subList(0, 150)) {
                kis.tradeAt(symbol, kis.lastPrice(symbol) + 10, 1);
            }
            if (!changed && System.nanoTime() > end - SESSION.toNanos() / 2) {
                // the scan's list changes: ten cold symbols become the hottest, ten hot ones cool down
                List<String> next = new ArrayList<>(universe);
                List<String> risers = new ArrayList<>(next.subList(symbols - 10, symbols));
                List<String> coolers = new ArrayList<>(next.subList(0, 10));
                next.removeAll(risers);
                next.removeAll(coolers);
                next.addAll(0, risers);
                next.addAll(coolers);
                watchList = next;
                MarketDataPlan second = feed.watch(watchList);
                assertWatchedOnce(second, watchList);
                changed = true;
                assertThat(feed.subscriptionsSent() - subscribedAtStart).as("subscriptions for the change")
                        .isEqualTo(10);
                assertThat(feed.unsubscriptionsSent()).as("unsubscriptions for the change").isEqualTo(10);
            }
            Thread.sleep(250);
        }
        MarketDataPlan plan = feed.plan();
        feed.close();

        assertThat(kis.rateBreaches()).as("requests over a key's limit in a rolling second").isEmpty();
        for (String key : keys) {
            assertThat(kis.busiestSecond(key)).as("busiest second of a key").isLessThanOrEqualTo(paper ? 2 : 20)
                    .isPositive();
            assertThat(kis.mostRegistrations(key)).as("registrations of a key's session").isEqualTo(41);
        }
        assertThat(kis.slotRefusals()).as("OPSP0008 MAX SUBSCRIBE OVER").isZero();
        assertThat(kis.violations()).isEmpty();
        // each key's 40 symbols stream, and their trades came over the socket
        Map<String, Set<String>> streaming = feed.streaming();
        List<String> tradedSymbols = watchList.subList(0, 150);
        streaming.forEach((id, set) -> {
            assertThat(set).hasSize(40);
            Set<String> hot = new HashSet<>(set);
            hot.retainAll(tradedSymbols);
            assertThat(traded.getOrDefault(id, Set.of())).containsAll(hot);
        });
        // polled symbols that traded are told as trades too (volume since the previous poll), so they get bars
        Set<String> tradedPolled = new HashSet<>(tradedSymbols);
        streaming.values().forEach(tradedPolled::removeAll);
        assertThat(tradedPolled).hasSizeGreaterThanOrEqualTo(20);
        Set<String> tradesSeen = new HashSet<>();
        traded.values().forEach(tradesSeen::addAll);
        assertThat(tradesSeen).containsAll(tradedPolled);
        // every polled symbol's quote arrived; how often the least refreshed of those polled throughout got one
        // tells the rounds made
        List<String> polled = plan.assignments().values().stream().flatMap(a -> a.polled().stream()).toList();
        assertThat(quoted.keySet()).containsAll(polled);
        Set<String> polledThroughout = new HashSet<>(polled);
        polledThroughout.retainAll(first.assignments().values().stream().flatMap(a -> a.polled().stream()).toList());
        int rounds = polledThroughout.stream().mapToInt(s -> quoted.getOrDefault(s, 0)).min().orElse(0);
        System.out.printf("%s: %d polled throughout, quotes per symbol min %d max %d; busiest seconds %s%n",
                paper ? "paper" : "real", polledThroughout.size(), rounds,
                polledThroughout.stream().mapToInt(s -> quoted.getOrDefault(s, 0)).max().orElse(0),
                keys.stream().map(kis::busiestSecond).toList());
        return new Session(first, warnings, rounds);
    }

    private static void assertWatchedOnce(MarketDataPlan plan, List<String> watchList) {
        List<String> watched = new ArrayList<>();
        plan.assignments().values().forEach(a -> {
            assertThat(a.streamed()).hasSizeLessThanOrEqualTo(40);
            assertThat(a.pollBatches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(30));
            watched.addAll(a.streamed());
            watched.addAll(a.polled());
        });
        assertThat(watched).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(watchList);
        assertThat(plan.unwatched()).isEmpty();
        Set<String> streamed = new HashSet<>();
        plan.assignments().values().forEach(a -> streamed.addAll(a.streamed()));
        assertThat(streamed).as("the hottest stream").containsExactlyInAnyOrderElementsOf(watchList.subList(0, 120));
    }
}
