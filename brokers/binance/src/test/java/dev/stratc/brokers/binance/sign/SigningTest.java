package dev.stratc.brokers.binance.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The official documentation's test vectors (binance-api.md 2.2), and the Ed25519 path. */
class SigningTest {
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private final HmacKey key = new HmacKey(API_KEY, SECRET);

    @Test
    void theDocumentationsLimitOrderExampleIsReproducedFromParameters() {
        String payload = Params.of().add("symbol", "LTCBTC").add("side", "BUY").add("type", "LIMIT")
                .add("timeInForce", "GTC").add("quantity", new BigDecimal("1")).add("price", new BigDecimal("0.1"))
                .add("recvWindow", 5000).add("timestamp", 1499827319559L).encoded();

        assertThat(payload).isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                + "&recvWindow=5000&timestamp=1499827319559");
        assertThat(key.sign(payload)).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void aNonAsciiSymbolIsSignedInItsPercentEncodedForm() {
        String payload = Params.of().add("symbol", "１２３４５６").add("side", "BUY").add("type", "LIMIT")
                .add("timeInForce", "GTC").add("quantity", 1).add("price", new BigDecimal("0.10"))
                .add("recvWindow", 5000).add("timestamp", 1499827319559L).encoded();

        assertThat(payload).startsWith("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY");
        assertThat(key.sign(payload)).isEqualTo("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
    }

    @Test
    void aQueryAndABodyAreSignedConcatenatedWithoutSeparator() {
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

        assertThat(key.sign(query + body)).isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void theWebSocketApiExampleSignsTheSortedParameters() {
        String payload = "apiKey=" + API_KEY + "&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL"
                + "&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT";

        assertThat(key.sign(payload)).isEqualTo("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24");
    }

    @Test
    void theConnectorsUnitTestVectorMatches() {
        assertThat(new HmacKey("k", "test-secret").sign("a=1&b=2"))
                .isEqualTo("ec7fe6e1524630e1bbf333bf640bd5bcfddb27fe2d122f1832ee46be17fec9b7");
    }

    @Test
    void decimalsAreSentPlainAndBinaryFloatingPointIsRefused() {
        assertThat(Params.of().add("quantity", new BigDecimal("1E-7")).add("price", new BigDecimal("100.00"))
                .encoded()).isEqualTo("quantity=0.0000001&price=100");
        assertThatThrownBy(() -> Params.of().add("quantity", 0.1)).hasMessageContaining("BigDecimal");
    }

    @Test
    void reservedCharactersAreEncodedAndUnreservedOnesKept() {
        assertThat(PercentEncoding.encode("[\"BTCUSDT\",\"BNBBTC\"]")).isEqualTo("%5B%22BTCUSDT%22%2C%22BNBBTC%22%5D");
        assertThat(PercentEncoding.encode("a-b_c.d~e f+g/h")).isEqualTo("a-b_c.d~e%20f%2Bg%2Fh");
    }

    @Test
    void anEd25519KeyFromPkcs8PemSignsWhatItsPublicKeyVerifies() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Ed25519Key ed = Ed25519Key.fromPem("4yNzx3yWC5bS6YTwEkSRaC0nRmSQIIStAUOh1b6kqaBrTLIhjCpI5lJH8q8R8WNO", pem);
        String payload = "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918";

        String signature = ed.sign(payload);

        assertThat(signature).hasSize(88);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
    }

    @Test
    void aMalformedPemIsNamedAsSuch() {
        assertThatThrownBy(() -> Ed25519Key.fromPem("key", "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8 PEM");
    }

    @Test
    void keysNeverShowTheirSecretOrWholeApiKey() {
        assertThat(key.toString()).doesNotContain(SECRET).doesNotContain(API_KEY).contains("vmPU");
    }

    @Test
    void theServerClockAssumesTheServerStampedMidwayThroughTheRoundTrip() {
        var clock = new dev.stratc.brokers.binance.mock.FakeClock(java.time.Instant.ofEpochMilli(10_000));
        ServerClock server = new ServerClock(clock);

        server.synchronize(15_050, 10_000, 10_100);

        assertThat(server.offsetMillis()).isEqualTo(5_000);
        assertThat(server.nowMillis()).isEqualTo(15_000);
    }
}
