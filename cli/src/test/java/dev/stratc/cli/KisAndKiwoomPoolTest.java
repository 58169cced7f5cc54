package dev.stratc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.kis.KisBroker;
import dev.stratc.brokers.kis.KisFixture;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kiwoom.KiwoomBroker;
import dev.stratc.brokers.kiwoom.KiwoomEnvironment;
import dev.stratc.brokers.kiwoom.KiwoomFixture;
import dev.stratc.runtime.broker.BrokerAccount;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.market.MarketEvent;
import dev.stratc.runtime.pool.Account;
import dev.stratc.runtime.pool.AccountLimits;
import dev.stratc.runtime.pool.AccountPool;
import dev.stratc.runtime.pool.MarketDataPlan;
import dev.stratc.runtime.pool.RateLimitProfiles;
import dev.stratc.runtime.run.MarketDataFeed;
import dev.stratc.strategy.AccountChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pool of a KIS 모의투자 account and a Kiwoom 모의투자 account, each against its own mock: the watch list is spread
 * over both keys within each one's limits (KIS: 40 streamed, 30 a quote request at 2/s; Kiwoom: its session's
 * registrations, 100 a ka10095 request at 1 query a second), and orders go to the account they are routed to.
 */
class KisAndKiwoomPoolTest {
    private static final int KIWOOM_STREAMED = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private KisFixture kis;
    private KiwoomFixture kiwoom;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    @Test
    void symbolsAreSpreadOverBothBrokersKeysAndOrdersGoWhereTheyAreRouted() throws Exception {
        kis = new KisFixture(dir.resolve("kis"));
        toClose.add(kis);
        kiwoom = new KiwoomFixture(KiwoomEnvironment.MOCK, dir.resolve("kiwoom"));
        kiwoom.kiwoom.setPerApiIdPerSecond(1); // the real servers' pace, not the fixture's fast one
        toClose.add(kiwoom);
        List<String> universe = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String code = String.format("%06d", 100_000 + i * 3);
            universe.add(code);
            kis.kis.addSymbol(code, "종목" + i, 10_000 + i * 10L);
            kiwoom.kiwoom.addSymbol(code, 10_000 + i * 10L);
        }
        Map<String, Set<String>> traded = new ConcurrentHashMap<>();
        Map<String, Integer> quoted = new ConcurrentHashMap<>();
        KisBroker kisBroker = kis.broker(KisMode.PAPER);
        KiwoomBroker kiwoomBroker = kiwoom.broker(KIWOOM_STREAMED);
        kisBroker.start(listener("KIS", traded));
        toClose.add(kisBroker::stop);
        kiwoomBroker.start(listener("KIWOOM", traded));
        toClose.add(kiwoomBroker::stop);

        RateLimitProfiles profiles = new RateLimitProfiles();
        Account kisAccount = new Account("KIS_PAPER", kisBroker, profiles.forAccount(new BrokerAccount("KIS_PAPER",
                "kis", "paper", Map.of("app_key", "${KIS_APP_KEY}"))), Set.of(), AccountLimits.NONE);
        Account kiwoomAccount = new Account("KIWOOM_PAPER", kiwoomBroker, profiles.forAccount(new BrokerAccount(
                "KIWOOM_PAPER", "kiwoom", "paper", Map.of("app_key", "${KIWOOM_MOCK_APP_KEY}"))), Set.of(),
                AccountLimits.NONE);
        AccountPool pool = new AccountPool(List.of(kisAccount, kiwoomAccount), null, Map.of());
        MarketDataFeed feed = new MarketDataFeed(pool, event -> {
            if (event instanceof MarketEvent.Quote) {
                quoted.merge(event.symbol(), 1, Integer::sum);
            }
        }, warning -> { }, AccountPool.DEFAULT_REFRESH);
        toClose.add(feed);

        MarketDataPlan plan = feed.watch(universe);

        MarketDataPlan.Assignment onKis = plan.assignments().get("KIS_PAPER");
        MarketDataPlan.Assignment onKiwoom = plan.assignments().get("KIWOOM_PAPER");
        assertThat(onKis.streamed()).as("KIS: 41 registrations a key, one for the notices").hasSize(40);
        assertThat(onKiwoom.streamed()).hasSize(KIWOOM_STREAMED);
        assertThat(onKis.pollBatches()).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(30));
        assertThat(onKiwoom.pollBatches()).isNotEmpty().allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(100));
        List<String> watched = new ArrayList<>();
        for (MarketDataPlan.Assignment a : List.of(onKis, onKiwoom)) {
            watched.addAll(a.streamed());
            watched.addAll(a.polled());
        }
        assertThat(watched).as("every symbol once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(universe);
        assertThat(plan.unwatched()).isEmpty();

        // the streamed symbols trade over each broker's socket; the polled ones are quoted by each broker's poll
        await("both sessions registered", () -> onKiwoom.streamed().stream()
                .allMatch(s -> kiwoom.kiwoom.registered("0B", s)) && onKis.streamed().stream()
                .allMatch(kis.kis::streamsTrades));
        for (String s : onKis.streamed()) {
            kis.kis.tradeAt(s, kis.kis.lastPrice(s) + 10, 1);
        }
        for (String s : onKiwoom.streamed()) {
            kiwoom.kiwoom.tradeAt(s, kiwoom.kiwoom.lastPrice(s) + 10, 1);
        }
        await("the streamed trades", () -> traded.getOrDefault("KIS", Set.of()).containsAll(onKis.streamed())
                && traded.getOrDefault("KIWOOM", Set.of()).containsAll(onKiwoom.streamed()));
        await("every polled symbol quoted twice", () -> onKis.polled().stream().allMatch(s -> quoted.getOrDefault(s,
                0) >= 2) && onKiwoom.polled().stream().allMatch(s -> quoted.getOrDefault(s, 0) >= 2));
        long kiwoomRegistered = universe.stream().filter(s -> kiwoom.kiwoom.registered("0B", s)).count();
        assertThat(kiwoomRegistered).as("Kiwoom registrations").isEqualTo(KIWOOM_STREAMED);
        assertThat(kis.kis.mostRegistrations(KisFixture.PAPER_KEY)).isLessThanOrEqualTo(41);
        assertThat(kiwoom.kiwoom.calls("ka10095")).as("Kiwoom polls its share").isGreaterThanOrEqualTo(2);

        // orders: each to the account it is routed to, by name
        String code = universe.get(0);
        pool.route(new AccountChoice.Named("KIWOOM_PAPER"), "Test").broker()
                .submit(SubmitOrder.market("kw-1", code, Side.BUY, 4));
        pool.route(new AccountChoice.Named("KIS_PAPER"), "Test").broker()
                .submit(SubmitOrder.market("kis-1", code, Side.BUY, 3));
        kiwoom.kiwoom.tradeAt(code, kiwoom.kiwoom.lastPrice(code), 10); // Kiwoom's market order fills on a trade
        await("both fills", () -> kiwoom.kiwoom.holding(kiwoom.key(), code) == 4
                && kis.kis.holding(KisFixture.PAPER_KEY, code) == 3);
        assertThat(kiwoom.kiwoom.orders(kiwoom.key())).isEqualTo(1);
        assertThat(kis.kis.calls("/uapi/domestic-stock/v1/trading/order-cash")).isEqualTo(1);
        feed.close();

        assertThat(kis.kis.rateBreaches()).as("KIS requests over a key's limit in a rolling second").isEmpty();
        assertThat(kiwoom.kiwoom.rateBreaches()).as("Kiwoom requests over 1 an api-id a second").isEmpty();
        assertThat(kis.kis.violations()).isEmpty();
        assertThat(kiwoom.kiwoom.violations()).isEmpty();
    }

    /** Records which symbols traded over the venue's socket. */
    private static BrokerListener listener(String venue, Map<String, Set<String>> traded) {
        return new BrokerListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
            }

            @Override
            public void onMarketEvent(MarketEvent event) {
                if (event instanceof MarketEvent.Trade) {
                    traded.computeIfAbsent(venue, v -> ConcurrentHashMap.newKeySet()).add(event.symbol());
                }
            }

            @Override
            public void onConnection(boolean up, String detail) {
            }
        };
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
