package dev.stratc.brokers.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.kiwoom.mock.MockKiwoom;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The back-off on {@code 1700} (return_code 5, "허용된 요청 개수를 초과하였습니다[1700:…]"): Kiwoom did nothing with a
 * refused request, so it is sent again after a pause of that api-id that doubles with each refusal in a row up to
 * 16 s, and starts short again after one goes through; after {@link KiwoomRest#RATE_LIMIT_RETRIES} the refusal is
 * the caller's, as a rate-limited error with what to do. The pauses are skipped on a clock, not slept.
 */
class KiwoomBackoffTest {
    @TempDir
    Path dir;
    KiwoomFixture fixture;
    MockKiwoom kiwoom;
    final SkippingClock clock = new SkippingClock();

    @BeforeEach
    void mock() {
        fixture = new KiwoomFixture(KiwoomEnvironment.MOCK, dir);
        kiwoom = fixture.kiwoom;
    }

    @AfterEach
    void close() throws Exception {
        assertThat(kiwoom.violations()).isEmpty();
        fixture.close();
    }

    private static final java.util.concurrent.atomic.AtomicInteger KEYS = new java.util.concurrent.atomic.AtomicInteger();
    private String key;

    /** A key of its own: the limiter of a key is shared in the process, and its pauses must be on this clock. */
    private KiwoomSession session() {
        key = String.format("MOCKbackoff%023d", KEYS.incrementAndGet());
        kiwoom.addAccount(key, KiwoomFixture.SECRET, 10_000_000);
        KiwoomConfig c = KiwoomConfig.of("backoff", KiwoomEnvironment.MOCK, key, KiwoomFixture.SECRET,
                kiwoom.restUrl(), kiwoom.webSocketUrl(), dir.resolve("tokens"), KiwoomFixture.FAST);
        return new KiwoomSession(c, KiwoomHttp.defaultClient(), clock);
    }

    /** The pauses, to the second (each is what was left of it when the request came to be sent). */
    private List<Long> pauses() {
        return clock.skipped.stream().map(d -> Math.round(d.toMillis() / 1000.0)).toList();
    }

    @Test
    void refusalsInARowDoubleThePauseAndOneThatGoesThroughResetsIt() {
        KiwoomSession session = session();
        kiwoom.refuseNext(5);
        assertThat(session.trading().orderableCash()).isEqualByComparingTo("10000000");
        assertThat(pauses()).containsExactly(1L, 2L, 4L, 8L, 16L);

        clock.skipped.clear();
        kiwoom.refuseNext(1);
        session.trading().orderableCash();
        assertThat(pauses()).as("after a success the pause starts at a second again").containsExactly(1L);
        assertThat(kiwoom.refusals()).isEqualTo(6);
    }

    @Test
    void aRefusedOrderIsSentAgainAndPlacedOnce() {
        KiwoomSession session = session();
        kiwoom.refuseNext(2);
        String orderNo = session.trading().order(true, KiwoomFixture.SAMSUNG, 1, KiwoomTrading.TradeType.LIMIT,
                new java.math.BigDecimal(60_000));
        assertThat(orderNo).matches("\\d{7}");
        assertThat(kiwoom.orders(key)).as("one order at Kiwoom").isEqualTo(1);
        assertThat(kiwoom.calls("kt10000")).isEqualTo(3);
    }

    @Test
    void aLimitThatNeverLiftsIsTheCallersAfterTheRetriesWithWhatToDo() {
        KiwoomSession session = session();
        kiwoom.refuseNext(KiwoomRest.RATE_LIMIT_RETRIES + 1);
        assertThatThrownBy(() -> session.trading().orderableCash()).isInstanceOfSatisfying(KiwoomException.class,
                e -> {
                    assertThat(e.isRateLimited()).isTrue();
                    assertThat(e.code()).isEqualTo(1700);
                    assertThat(e.getMessage()).contains("kt00001").contains("1700")
                            .contains("lower queries_per_second / per_api_id_per_second");
                });
        assertThat(kiwoom.calls("kt00001")).isEqualTo(KiwoomRest.RATE_LIMIT_RETRIES + 1);
        assertThat(pauses()).containsExactly(1L, 2L, 4L, 8L, 16L, 16L);
    }

    @Test
    void aBatchLimitIsNotARateLimitAndIsNotSentAgain() {
        KiwoomSession session = session();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            codes.add(String.format("%06d", 200_000 + i));
        }
        // 100 codes is the most: the adapter never sends more; the mock's [1634] for 101 is the server's answer
        assertThatThrownBy(() -> session.quotes().snapshot(new ArrayList<>(codes) {
            {
                add("005930");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100");
        assertThat(kiwoom.calls("ka10095")).isZero();
        assertThat(new KiwoomException("x", 200, 5, KiwoomException.detailCode(5,
                "허용된 요청 개수를 초과하였습니다[1634:종목코드는 최대 100개까지 가능합니다]"), null).isRateLimited())
                .isFalse();
        assertThat(clock.skipped).isEmpty();
    }
}
