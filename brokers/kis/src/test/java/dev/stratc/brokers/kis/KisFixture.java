package dev.stratc.brokers.kis;

import dev.stratc.brokers.kis.mock.MockKis;
import dev.stratc.brokers.kis.ws.KisRealtimeClient;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** A mock KIS with one real and one paper account, and configs of those accounts pointed at it. */
public final class KisFixture implements AutoCloseable {

    public static final String REAL_KEY = "PSreal0000000000000000000000000000AB";
    public static final String PAPER_KEY = "PSpaper000000000000000000000000000CD";
    public static final String SECRET = "s".repeat(180);
    public static final String SAMSUNG = "005930";
    public static final String NEW_CODE = "0088M0"; // a letter in the code, as new listings since 2024 have

    /** Fast back-off, and pings often enough to notice a dropped connection within a test. */
    public static final KisRealtimeClient.Timing TIMING = new KisRealtimeClient.Timing(Duration.ofMillis(20),
            Duration.ofMillis(200), Duration.ofMillis(200));

    public final MockKis kis = new MockKis();
    public final TestClock clock = new TestClock();
    public final OkHttpClient http = KisSession.defaultHttpClient();
    private final Path tokenDir;

    public KisFixture(Path tokenDir) {
        this.tokenDir = tokenDir;
        kis.setClock(clock::now);
        kis.addAccount(REAL_KEY, SECRET, false, "50000001-01", "realhts", 10_000_000);
        kis.addAccount(PAPER_KEY, SECRET, true, "50000002-01", "paperhts", 10_000_000);
        kis.addSymbol(SAMSUNG, "삼성전자", 70_000);
        kis.addSymbol(NEW_CODE, "신규상장", 12_340);
    }

    public KisAccountConfig config(KisMode mode) {
        boolean real = mode == KisMode.REAL;
        return new KisAccountConfig(real ? "kis-real" : "kis-paper", mode,
                new KisCredentials(real ? REAL_KEY : PAPER_KEY, SECRET),
                KisAccountNumber.parse(real ? "50000001-01" : "50000002-01"), real ? "realhts" : "paperhts", "P",
                new KisEndpoints(kis.restUrl(), kis.webSocketUrl()), 0, tokenDir, false);
    }

    public KisSession session(KisAccountConfig config) {
        return new KisSession(config, http, clock);
    }

    public KisBroker broker(KisMode mode) {
        return new KisBroker(session(config(mode)), clock, TIMING, tokenDir.resolve("orders"));
    }

    @Override
    public void close() throws Exception {
        kis.close();
    }
}
