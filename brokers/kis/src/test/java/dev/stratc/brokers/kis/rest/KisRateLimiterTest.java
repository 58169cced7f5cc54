package dev.stratc.brokers.kis.rest;

import dev.stratc.runtime.broker.BrokerClock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.kis.KisAccountConfig;
import dev.stratc.brokers.kis.KisFixture;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kis.auth.AccessTokenProvider;
import dev.stratc.brokers.kis.auth.TokenCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key's budget as KIS measures it, at its gateway, in every rolling second. */
class KisRateLimiterTest {

    @TempDir
    Path dir;

    @Test
    void twoProcessesOnOnePaperKeyShareItsTwoRequestsASecond() throws Exception {
        try (KisFixture fixture = new KisFixture(dir)) {
            KisAccountConfig config = fixture.config(KisMode.PAPER);
            Path ledger = dir.resolve("rate-paper.ledger");
            // two "processes": each its own token provider and limiter, sharing only the cache directory
            List<KisDomesticQuotations> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                AccessTokenProvider tokens = new AccessTokenProvider(fixture.http, config.endpoints(),
                        config.credentials(), new TokenCache(dir), fixture.clock);
                KisRateLimiter limiter = new KisRateLimiter("process " + i, 2, ledger);
                processes.add(new KisDomesticQuotations(new KisRestClient(fixture.http, config.endpoints(),
                        config.credentials(), "P", tokens, limiter, null, 8)));
            }
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<KisQuote>> quotes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    KisDomesticQuotations process = processes.get(i % 2);
                    quotes.add(threads.submit(() -> process.price(KisFixture.SAMSUNG)));
                }
                for (Future<KisQuote> quote : quotes) {
                    assertThat(quote.get().price()).isEqualByComparingTo("70000");
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(fixture.kis.rateBreaches()).isEmpty();
            assertThat(fixture.kis.rateLimited(KisFixture.PAPER_KEY)).isZero();
            assertThat(fixture.kis.busiestSecond(KisFixture.PAPER_KEY)).isEqualTo(2);
            assertThat(fixture.kis.tokensIssued(KisFixture.PAPER_KEY)).as("one token for both").isOne();
            assertThat(fixture.kis.violations()).isEmpty();
        }
    }

    @Test
    void aRequestHoldsItsPlaceUntilAWindowAfterItsAnswer() throws Exception {
        KisRateLimiter limiter = new KisRateLimiter("paper", 2, BrokerClock.SYSTEM);
        long start = System.nanoTime();
        KisRateLimiter.Permit first = limiter.acquire();
        KisRateLimiter.Permit second = limiter.acquire();
        Thread.sleep(300); // a slow answer
        first.close();
        second.close();
        try (KisRateLimiter.Permit third = limiter.acquire()) {
            // not 1.1 s after the first start, but 1.1 s after the first answer
            assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(1.4);
        }
        assertThat(limiter.requestsPerSecond()).isEqualTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
        limiter.slowDown();
        assertThat(limiter.currentRate()).isLessThan(2 / 1.1);
    }
}
