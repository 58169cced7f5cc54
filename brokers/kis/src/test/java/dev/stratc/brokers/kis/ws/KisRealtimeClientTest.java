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
    void theNoticesTakeOneOfTheSessionsFortyOneSlotsAndTheFortySecondIsRefusedBeforeItLeaves() throws Exception {
        client.start();
        client.subscribe(RealtimeFrames.NOTICES_REAL, "realhts");
        for (int i = 0; i < KisRealtimeClient.SESSION_SLOTS - 1; i++) {
            client.subscribe("H0STCNT0", String.format("%06d", i));
        }
        assertThatThrownBy(() -> client.subscribe("H0STCNT0", "999999"))
                .isInstanceOf(KisException.class).hasMessageContaining("already has 41 real-time registrations");
        assertThat(client.awaitRegistered(RealtimeFrames.NOTICES_REAL, "realhts", Duration.ofSeconds(5))).isTrue();
        assertThat(client.awaitRegistered("H0STCNT0", "000039", Duration.ofSeconds(5))).isTrue();
        assertThat(refusals).isEmpty();
        assertThat(client.registrations()).isEqualTo(41);

        // a slot given back can be taken again
        client.unsubscribe("H0STCNT0", "000000");
        client.subscribe("H0STCNT0", "999999");
        assertThat(client.awaitRegistered("H0STCNT0", "999999", Duration.ofSeconds(5))).isTrue();
        assertThat(refusals).isEmpty();
    }

    @Test
    void theMockRefusesTheFortySecondRegistrationOfASessionAsKisDoes() throws Exception {
        // Straight to the socket, past the client's own cap: the notice and 41 symbols.
        String approval;
        okhttp3.Request approvalRequest = new okhttp3.Request.Builder().url(fixture.kis.restUrl() + "/oauth2/Approval")
                .post(okhttp3.RequestBody.create("{\"grant_type\":\"client_credentials\",\"appkey\":\""
                        + KisFixture.REAL_KEY + "\",\"secretkey\":\"" + KisFixture.SECRET + "\"}",
                        okhttp3.MediaType.get("application/json"))).build();
        try (okhttp3.Response response = fixture.http.newCall(approvalRequest).execute()) {
            approval = dev.stratc.brokers.kis.rest.KisJson.parse(response.body().string()).path("approval_key").asText();
        }
        List<String> replies = new CopyOnWriteArrayList<>();
        okhttp3.WebSocket socket = fixture.http.newWebSocket(new okhttp3.Request.Builder()
                .url(fixture.kis.webSocketUrl()).build(), new okhttp3.WebSocketListener() {
                    @Override
                    public void onMessage(okhttp3.WebSocket webSocket, String text) {
                        replies.add(text);
                    }
                });
        try {
            socket.send(registration(approval, RealtimeFrames.NOTICES_REAL, "realhts"));
            for (int i = 0; i < 41; i++) {
                socket.send(registration(approval, "H0STCNT0", String.format("%06d", i)));
            }
            await(() -> replies.size() == 42);
            assertThat(replies.subList(0, 41)).allSatisfy(reply -> assertThat(reply).contains("OPSP0000"));
            assertThat(replies.get(41)).contains("OPSP0008").contains("MAX SUBSCRIBE OVER").contains("000040");
        } finally {
            socket.close(1000, null);
        }
    }

    private static String registration(String approval, String trId, String trKey) {
        return "{\"header\":{\"approval_key\":\"" + approval + "\",\"custtype\":\"P\",\"tr_type\":\"1\","
                + "\"content-type\":\"utf-8\"},\"body\":{\"input\":{\"tr_id\":\"" + trId + "\",\"tr_key\":\""
                + trKey + "\"}}}";
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
