package dev.stratc.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.stratc.strategy.AccountChoice;

class AccountPoolTest {
    private final AtomicLong nanos = new AtomicLong();

    private Account kis(String id, boolean paper) {
        double perSecond = paper ? 2 : 20;
        TokenBucket bucket = new TokenBucket(id + " REST", perSecond, perSecond, nanos::get);
        return new Account(id, VenueStub.kis(paper), List.of(RateLimit.everyRequest(bucket)), Set.of(),
                AccountLimits.NONE);
    }

    private static List<String> krxSymbols(int count) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            symbols.add(String.format("%06d", 5930 + i * 7));
        }
        return symbols;
    }

    @Test
    void twoThousandSevenHundredSymbolsOverTenKisAccountsEachWatchedOnceWithinEveryLimit() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            accounts.add(kis("KIS_" + i, false));
        }
        AccountPool pool = new AccountPool(accounts, null, Map.of());
        List<String> watchList = krxSymbols(2_700);
        MarketDataPlan plan = pool.rebalance(watchList);

        Map<String, Integer> watchedBy = new HashMap<>();
        plan.assignments().forEach((id, assignment) -> {
            assertThat(assignment.streamed()).as(id + " streams within the session limit").hasSizeLessThanOrEqualTo(41);
            assertThat(assignment.pollBatches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(30));
            assignment.streamed().forEach(s -> watchedBy.merge(s, 1, Integer::sum));
            assignment.pollBatches().forEach(b -> b.forEach(s -> watchedBy.merge(s, 1, Integer::sum)));
        });
        assertThat(watchedBy).hasSize(2_700).allSatisfy((symbol, times) -> assertThat(times).isOne());
        assertThat(plan.unwatched()).isEmpty();
        // the 410 hottest symbols stream; everything else is polled
        Set<String> streamed = new HashSet<>();
        plan.assignments().values().forEach(a -> streamed.addAll(a.streamed()));
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(watchList.subList(0, 410));
        // 229 polled symbols per account: 8 requests per round at 15 requests/s (a quarter kept for orders)
        assertThat(plan.assignments().values()).allSatisfy(a -> assertThat(a.pollCycleSeconds())
                .isCloseTo(8 / 15.0, within(0.07)));
    }

    @Test
    void aUniverseLargerThanTheAccountsCanRefreshIsPlannedInFullWithAWarningGivingTheNumbers() {
        // three paper keys: 41 stream slots each, 2 requests/s of which a quarter is kept for orders
        AccountPool pool = new AccountPool(List.of(kis("P1", true), kis("P2", true), kis("P3", true)), null,
                Map.of());
        MarketDataPlan plan = pool.rebalance(krxSymbols(1_800), java.time.Duration.ofSeconds(1));

        assertThat(plan.unwatched()).isEmpty();
        assertThat(plan.assignments().values().stream().mapToInt(MarketDataPlan.Assignment::symbolCount).sum())
                .isEqualTo(1_800);
        MarketDataPlan.Capacity capacity = plan.capacity();
        assertThat(capacity.streamed()).isEqualTo(123);
        assertThat(capacity.polled()).isEqualTo(1_677);
        // 1.5 quote requests a second per key: one request of 30 within a second each
        assertThat(capacity.pollableAtTarget()).isEqualTo(90);
        // 1,677 polled over 3 keys = 559 each = 19 requests at 1.5/s
        assertThat(capacity.refreshSeconds()).isCloseTo(19 / 1.5, within(0.01));
        assertThat(plan.warning()).hasValueSatisfying(w -> assertThat(w)
                .contains("1,800 symbols are more than the accounts refresh every 1.0 s")
                .contains("213: 123 streamed").contains("90 polled")
                .contains("the 1,677 polled symbols are refreshed every 12.7 s"));

        // the same list with a minute's refresh is within capacity
        assertThat(pool.rebalance(krxSymbols(1_800), java.time.Duration.ofMinutes(1)).warning()).isEmpty();
    }

    @Test
    void paperAccountsWithTheirTwoRequestsASecondTakeATenthOfTheRealAccountsPolling() {
        AccountPool pool = new AccountPool(List.of(kis("REAL_1", false), kis("REAL_2", false), kis("PAPER_1", true),
                kis("PAPER_2", true)), null, Map.of());
        MarketDataPlan plan = pool.rebalance(krxSymbols(2_000));
        int real = plan.assignments().get("REAL_1").symbolCount() - 41;
        int paper = plan.assignments().get("PAPER_1").symbolCount() - 41;
        // ten times the budget, give or take the one-request granularity of a round
        assertThat((double) real / paper).isBetween(8.0, 16.0);
        double slowest = plan.assignments().values().stream().mapToDouble(MarketDataPlan.Assignment::pollCycleSeconds)
                .max().orElseThrow();
        double fastest = plan.assignments().values().stream().mapToDouble(MarketDataPlan.Assignment::pollCycleSeconds)
                .min().orElseThrow();
        assertThat(slowest - fastest).as("rounds balanced to within one request").isLessThan(0.7);
    }

    @Test
    void aChangingWatchListMovesFewStreamingSymbols() {
        AccountPool pool = new AccountPool(List.of(kis("A", false), kis("B", false), kis("C", false)), null, Map.of());
        List<String> before = krxSymbols(500);
        MarketDataPlan first = pool.rebalance(before);
        List<String> after = new ArrayList<>(before);
        // five new symbols become hot, five hot ones cool down
        List<String> cooled = new ArrayList<>(after.subList(0, 5));
        after.removeAll(cooled);
        after.addAll(0, List.of("900001", "900002", "900003", "900004", "900005"));
        after.addAll(cooled);
        MarketDataPlan second = pool.rebalance(after);
        int moved = 0;
        for (String symbol : after.subList(5, 123)) {
            if (first.accountOf(symbol) != null && !first.accountOf(symbol).equals(second.accountOf(symbol))) {
                moved++;
            }
        }
        assertThat(moved).isLessThanOrEqualTo(5);
    }

    @Test
    void aFailedAccountsSymbolsMoveToTheHealthyOnesAndItGetsNoOrders() {
        Account a = kis("A", false);
        Account b = kis("B", false);
        Account c = kis("C", false);
        AccountPool pool = new AccountPool(List.of(a, b, c), "B", Map.of());
        List<String> watchList = krxSymbols(600);
        pool.rebalance(watchList);
        for (int i = 0; i < 3; i++) {
            b.failed("EGW00002 server error");
        }
        assertThat(b.health()).isEqualTo(AccountHealth.FAILED);
        MarketDataPlan plan = pool.rebalance(watchList);
        assertThat(plan.assignments()).doesNotContainKey("B");
        assertThat(watchList).allSatisfy(s -> assertThat(plan.accountOf(s)).isIn("A", "C"));

        assertThat(pool.route(new AccountChoice.Default(), "momentum").id()).isIn("A", "C");
        assertThatThrownBy(() -> pool.route(new AccountChoice.Named("B"), "momentum"))
                .isInstanceOf(RoutingException.class).hasMessageContaining("B is failing (EGW00002 server error)");
        b.succeeded();
        assertThat(b.health()).isEqualTo(AccountHealth.DEGRADED);
        assertThat(pool.route(new AccountChoice.Named("B"), "momentum").id()).isEqualTo("B");
    }

    @Test
    void routingByNameByStrategyAndToTheLeastLoaded() {
        Account a = kis("A", false);
        Account b = kis("B", false);
        Account c = kis("C", false);
        AccountPool pool = new AccountPool(List.of(a, b, c), null, Map.of("scalper", "C"));
        assertThat(pool.route(new AccountChoice.Named("B"), "x").id()).isEqualTo("B");
        assertThat(pool.route(new AccountChoice.Default(), "scalper").id()).isEqualTo("C");
        for (int i = 0; i < 15; i++) {
            a.tryAcquire(RequestKind.QUOTES);
        }
        for (int i = 0; i < 5; i++) {
            c.tryAcquire(RequestKind.QUOTES);
        }
        assertThat(pool.route(new AccountChoice.Best(), "x").id()).isEqualTo("B");
        assertThatThrownBy(() -> pool.route(new AccountChoice.Named("KIS_404"), "x"))
                .hasMessageContaining("KIS_404").hasMessageContaining("[A, B, C]");
    }

    @Test
    void binanceRequestWeightIsSharedByEveryAccountOnTheHostWhileOrderCountsAreEach() {
        TokenBucket ipWeight = new TokenBucket("binance IP weight", 6000, 100, nanos::get);
        List<Account> accounts = new ArrayList<>();
        for (String id : List.of("BN_MAIN", "BN_SUB1")) {
            TokenBucket orders = new TokenBucket(id + " orders/10s", 100, 10, nanos::get);
            accounts.add(new Account(id, VenueStub.binance(), List.of(
                    new RateLimit(ipWeight, Map.of(RequestKind.QUERY, 20.0, RequestKind.ORDER, 1.0)),
                    RateLimit.ordersOnly(orders)), Set.of(), AccountLimits.NONE));
        }
        Account main = accounts.get(0);
        Account sub = accounts.get(1);
        for (int i = 0; i < 100; i++) {
            assertThat(main.tryAcquire(RequestKind.ORDER)).isZero();
        }
        assertThat(main.tryAcquire(RequestKind.ORDER)).as("main's own order count is spent").isPositive();
        assertThat(sub.tryAcquire(RequestKind.ORDER)).as("the sub-account's is not").isZero();
        for (int i = 0; i < 294; i++) {
            assertThat(main.tryAcquire(RequestKind.QUERY)).isZero();
        }
        assertThat(sub.tryAcquire(RequestKind.QUERY)).as("the IP's weight is spent for everyone").isPositive();
        nanos.addAndGet(1_000_000_000L);
        assertThat(sub.tryAcquire(RequestKind.QUERY)).isZero();
    }

    @Test
    void aTokenBucketRefillsContinuouslyUpToItsCapacity() {
        TokenBucket bucket = new TokenBucket("kis paper", 2, 2, nanos::get);
        assertThat(bucket.tryAcquire(1)).isTrue();
        assertThat(bucket.tryAcquire(1)).isTrue();
        assertThat(bucket.tryAcquire(1)).isFalse();
        assertThat(bucket.nanosUntil(1)).isEqualTo(500_000_000L);
        nanos.addAndGet(250_000_000L);
        assertThat(bucket.tryAcquire(1)).isFalse();
        nanos.addAndGet(250_000_000L);
        assertThat(bucket.tryAcquire(1)).isTrue();
        nanos.addAndGet(10_000_000_000L);
        assertThat(bucket.utilization()).isZero();
        assertThat(bucket.granted()).isEqualTo(3);
        assertThat(bucket.refused()).isEqualTo(2);
    }
}
