package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerClock;

import dev.stratc.brokers.kiwoom.mock.MockKiwoom;
import java.nio.file.Path;
import java.time.Duration;

/** A mock Kiwoom host with one account, and the config of that account pointed at it. */
public final class KiwoomFixture implements AutoCloseable {
    public static final String MOCK_KEY = "MOCKkey0000000000000000000000000001";
    public static final String REAL_KEY = "REALkey0000000000000000000000000001";
    public static final String SECRET = "k".repeat(40);
    public static final String SAMSUNG = "005930";
    /** Fast enough for tests; the defaults are tested on their own. */
    public static final KiwoomLimits FAST = new KiwoomLimits(20, 50, 20);

    public final MockKiwoom kiwoom;
    public final KiwoomEnvironment environment;
    private final Path dir;

    public KiwoomFixture(KiwoomEnvironment environment, Path dir) {
        this.environment = environment;
        this.dir = dir;
        kiwoom = new MockKiwoom(environment == KiwoomEnvironment.MOCK);
        kiwoom.addAccount(key(), SECRET, 10_000_000);
        kiwoom.addSymbol(SAMSUNG, 70_000);
        kiwoom.setPerApiIdPerSecond(20);
    }

    public String key() {
        return environment == KiwoomEnvironment.MOCK ? MOCK_KEY : REAL_KEY;
    }

    public KiwoomConfig config(KiwoomLimits limits) {
        return KiwoomConfig.of("kiwoom-" + environment.name().toLowerCase(), environment, key(), SECRET,
                kiwoom.restUrl(), kiwoom.webSocketUrl(), dir.resolve("tokens"), limits);
    }

    public KiwoomSession session(KiwoomLimits limits) {
        return new KiwoomSession(config(limits), KiwoomHttp.defaultClient(), BrokerClock.SYSTEM);
    }

    public KiwoomBroker broker() {
        return new KiwoomBroker(session(FAST), dir.resolve("orders"), Duration.ofMillis(50));
    }

    /** A broker whose WebSocket session registers at most {@code maxStreamed} symbols. */
    public KiwoomBroker broker(int maxStreamed) {
        KiwoomConfig c = config(FAST);
        KiwoomConfig limited = new KiwoomConfig(c.id(), c.environment(), c.appKey(), c.secretKey(), c.restUrl(),
                c.webSocketUrl(), c.tokenCacheDir(), c.limits(), c.exchange(), maxStreamed, c.commissionPercent(),
                c.sellTaxPercent());
        return new KiwoomBroker(new KiwoomSession(limited, KiwoomHttp.defaultClient(), BrokerClock.SYSTEM),
                dir.resolve("orders"), Duration.ofMillis(50));
    }

    @Override
    public void close() throws Exception {
        kiwoom.close();
    }
}
