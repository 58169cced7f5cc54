package dev.stratc.brokers.binance.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.binance.config.BinanceAccountSettings;
import dev.stratc.brokers.binance.config.BinanceEndpoints;
import dev.stratc.brokers.binance.mock.MockBinance;
import dev.stratc.brokers.binance.mock.MockRig;
import dev.stratc.brokers.binance.sign.HmacKey;
import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.RecordingListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket endpoint that cannot be reached (a wrong path answered 404, a port nobody listens on) is a
 * run-time failure the user can fix: a {@link BrokerException} naming the address, the setting and what to
 * check, raised on the first failed attempt rather than after retrying in silence.
 */
class BinanceUnreachableTest {
    private MockRig rig;
    private BinanceBroker broker;

    @BeforeEach
    void setUp() {
        rig = new MockRig();
        rig.exchange.setBalance(MockBinance.DOC_API_KEY, "USDT", "1000");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (broker != null) {
            broker.stop();
        }
        rig.close();
    }

    private BinanceBroker broker(String wsApi, String stream) {
        BinanceEndpoints endpoints = new BinanceEndpoints(rig.exchange.restUrl().toString(), wsApi, stream);
        broker = new BinanceBroker(new BinanceAccountSettings("bn-main", true,
                new HmacKey(MockBinance.DOC_API_KEY, MockBinance.DOC_SECRET), endpoints, "USDT", Duration.ofSeconds(5),
                null), BinanceBrokerContractTest.host(rig));
        return broker;
    }

    private String ws(String path) {
        return rig.exchange.restUrl().toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + path;
    }

    @Test
    void aWebSocketApiAnswering404AtTheHandshakeFailsTheStartWithItsAddress() {
        String wrong = ws("/ws-api/v1");
        BinanceBroker b = broker(wrong, ws("/"));

        assertThatThrownBy(() -> b.start(new RecordingListener()))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_CONNECTED);
                    assertThat(e.getMessage()).contains("bn-main", wrong, "HTTP 404", "ws_api_url", "firewall")
                            .doesNotContain("within 10 s").doesNotContainIgnoringCase("bug");
                });
    }

    @Test
    void aPortNobodyListensOnFailsTheStartWithItsAddress() throws IOException {
        String nowhere = "ws://127.0.0.1:" + closedPort() + "/ws-api/v3";
        BinanceBroker b = broker(nowhere, ws("/"));

        assertThatThrownBy(() -> b.start(new RecordingListener()))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_CONNECTED);
                    assertThat(e.getMessage()).contains(nowhere, "connection refused", "ws_api_url");
                });
    }

    @Test
    void aMarketStreamAddressNobodyListensOnFailsTheSubscriptionWithItsAddress() throws IOException {
        String nowhere = "ws://127.0.0.1:" + closedPort();
        BinanceBroker b = broker(rig.exchange.wsApiUrl().toString().replaceFirst("^http", "ws"), nowhere);
        b.start(new RecordingListener());

        assertThatThrownBy(() -> b.subscribe(Set.of("BTCUSDT")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_CONNECTED);
                    assertThat(e.getMessage()).contains("market streams at " + nowhere, "connection refused", "stream_url");
                });
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
