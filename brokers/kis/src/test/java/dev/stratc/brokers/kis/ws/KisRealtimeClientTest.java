package dev.stratc.brokers.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.kis.KisException;
import dev.stratc.brokers.kis.KisFixture;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kis.KisSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KisRealtimeClientTest {

    @TempDir
    Path tokens;

    private KisFixture fixture;
    private KisRealtimeClient client;
    private final List<KisTrade> trades = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> disconnects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        fixture = new KisFixture(tokens);
        KisSession session = fixture.session(fixture.config(KisMode.REAL));
        client = session.realtime(new KisRealtimeListener() {
            @Override
            public void onTrade(KisTrade trade) {
                trades.add(trade);
            }

            @Override
            public void onSubscriptionRefused(String trId, String trKey, String msgCd, String message) {
                refusals.add(msgCd + " " + trKey);
            }

            @Override
            public void onDisconnected(String reason, long retryInMillis) {
                disconnects.add(reason);
            }
        }, KisFixture.TIMING);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        assertThat(fixture.kis.violations()).isEmpty();
        fixture.close();
    }

    @Test
    void tradesArriveInTheDocumentedLayoutAndTheHeartbeatIsEchoed() throws Exception {
        client.subscribe("H0STCNT0", KisFixture.SAMSUNG);
        client.start();
        assertThat(client.awaitRegistered("H0STCNT0", KisFixture.SAMSUNG, Duration.ofSeconds(5))).isTrue();

        fixture.kis.tradeAt(KisFixture.SAMSUNG, 70_100, 7);
        await(() -> trades.size() == 1);
        assertThat(trades.get(0).price()).isEqualByComparingTo("70100");
        assertThat(trades.get(0).volume()).isEqualTo(7);

        fixture.kis.ping();
        await(() -> fixture.kis.pongs() == 1);
    }

    @Test
    void aSocketDroppedMidFrameReconnectsAndRegistersAgain() throws Exception {
        client.subscribe("H0STCNT0", KisFixture.SAMSUNG);
        client.start();
        assertThat(client.awaitRegistered("H0STCNT0", KisFixture.SAMSUNG, Duration.ofSeconds(5))).isTrue();

        fixture.kis.dropSockets(true); // half a frame, then the connection dies
        await(() -> !disconnects.isEmpty());
        assertThat(client.awaitRegistered("H0STCNT0", KisFixture.SAMSUNG, Duration.ofSeconds(5))).isTrue();

        fixture.kis.tradeAt(KisFixture.SAMSUNG, 70_200, 3);
        await(() -> trades.size() == 1);
        assertThat(trades).singleElement().satisfies(t -> assertThat(t.price()).isEqualByComparingTo("70200"));
        assertThat(fixture.kis.openSockets()).isEqualTo(1);
    }

    @Test
    void registrationsAreCappedBelowWhatKisAllowsASession() throws Exception {
        client.start();
        for (int i = 0; i < KisRealtimeClient.MAX_SUBSCRIPTIONS; i++) {
            client.subscribe("H0STCNT0", String.format("%06d", i));
        }
        assertThatThrownBy(() -> client.subscribe("H0STCNT0", "999999"))
                .isInstanceOf(KisException.class).hasMessageContaining("already has 40 real-time registrations");
        assertThat(client.awaitRegistered("H0STCNT0", "000039", Duration.ofSeconds(5))).isTrue();
        assertThat(refusals).isEmpty();
    }

    @Test
    void oneSessionPerAppKeyInAProcess() {
        client.start();
        KisSession again = fixture.session(fixture.config(KisMode.REAL));
        KisRealtimeClient second = again.realtime(new KisRealtimeListener() { }, KisFixture.TIMING);
        assertThatThrownBy(second::start).hasMessageContaining("KIS allows one per key");
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }
}
