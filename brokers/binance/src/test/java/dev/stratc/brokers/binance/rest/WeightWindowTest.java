package dev.stratc.brokers.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.binance.mock.MockRig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Binance counts request weight per IP in fixed minutes of its own clock. A host whose clock is 4 s off must
 * still start its fresh minute when the exchange does: neither early (the exchange still counts the old
 * minute: 429) nor needlessly late.
 */
class WeightWindowTest {
    private static final int LIMIT = 100;
    private static final int EXCHANGE_INFO_WEIGHT = 20;
    private MockRig rig;

    @BeforeEach
    void setUp() {
        rig = new MockRig();
        rig.exchange.setWeightLimit(LIMIT);
        // as the adapter starts: the clock offset, then the rules and limits (weight 1 + 20, in the minute before)
        rig.rest.synchronizeClock();
        rig.market.exchangeInfo(List.of());
        rig.clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    /** Moves the fake clock until the exchange's clock shows {@code second} seconds into a minute. */
    private void toServerSecond(double second) {
        long into = Math.floorMod(rig.exchange.serverTime(), 60_000);
        long target = (long) (second * 1000);
        rig.clock.advance(Duration.ofMillis(Math.floorMod(target - into, 60_000)));
    }

    private long serverMillisIntoMinute() {
        return Math.floorMod(rig.exchange.serverTime(), 60_000);
    }

    @ParameterizedTest(name = "server clock {0} ms from ours")
    @ValueSource(longs = {-4_000, 4_000})
    void aSkewedHostStartsItsFreshMinuteWithTheExchangeAndEarnsNo429(long skewMillis) {
        rig.exchange.setSkew(Duration.ofMillis(skewMillis));
        rig.rest.synchronizeClock();
        // the budget is spent just before our own minute ends: in the exchange's last seconds of a minute when
        // its clock is behind ours, in its first seconds when it is ahead
        toServerSecond(skewMillis < 0 ? 54 : 1);
        for (int i = 0; i < LIMIT / EXCHANGE_INFO_WEIGHT; i++) {
            rig.market.exchangeInfo(List.of());
        }
        long minuteOfTheSpending = Math.floorDiv(rig.exchange.serverTime(), 60_000);
        rig.clock.advance(Duration.ofSeconds(3)); // our clock has passed a minute boundary; the exchange's has not
        assertThat(Math.floorDiv(rig.exchange.serverTime(), 60_000)).isEqualTo(minuteOfTheSpending);

        rig.market.exchangeInfo(List.of());
        rig.market.exchangeInfo(List.of());

        assertThat(rig.exchange.errorCodesSent()).as("429s from the exchange").isEmpty();
        assertThat(rig.exchange.bans()).isZero();
        assertThat(Math.floorDiv(rig.exchange.serverTime(), 60_000)).as("sent in the exchange's next minute")
                .isEqualTo(minuteOfTheSpending + 1);
        assertThat(serverMillisIntoMinute()).as("waited for the exchange's boundary (and the guard), no longer")
                .isLessThanOrEqualTo(HostLimiter.WINDOW_GUARD.toMillis());
        assertThat(rig.exchange.usedWeight()).isEqualTo(2 * EXCHANGE_INFO_WEIGHT);
    }

    @Test
    void theExchangesCountIsTheTruthWhenItIsLowerThanOurs() {
        toServerSecond(10);
        rig.market.exchangeInfo(List.of());
        rig.market.exchangeInfo(List.of());
        assertThat(rig.host.usedWeight()).isEqualTo(rig.exchange.usedWeight()).isEqualTo(40);

        // the exchange counts less than we did (successful orders cost nothing): its header says so
        rig.exchange.forgiveWeight(20);
        rig.market.serverTime();

        assertThat(rig.host.usedWeight()).isEqualTo(rig.exchange.usedWeight()).isEqualTo(21);
    }

    @Test
    void weightOthersSpendOnThisIpIsAdoptedFromTheHeader() {
        toServerSecond(10);
        rig.exchange.spendWeightFromAnotherProcess(90);

        rig.market.serverTime();
        rig.market.exchangeInfo(List.of());

        assertThat(rig.exchange.errorCodesSent()).isEmpty();
        assertThat(rig.clock.totalSlept().toMillis()).as("waited for the next minute rather than send")
                .isGreaterThanOrEqualTo(50_000);
        assertThat(rig.exchange.usedWeight()).isEqualTo(EXCHANGE_INFO_WEIGHT);
    }
}
