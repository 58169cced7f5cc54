package dev.stratc.brokers.kis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.brokers.kis.KisCredentials;
import dev.stratc.brokers.kis.KisFixture;
import dev.stratc.brokers.kis.KisMode;
import dev.stratc.brokers.kis.KisSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLifecycleTest {

    @TempDir
    Path tokens;

    private KisFixture fixture;

    @AfterEach
    void close() throws Exception {
        assertThat(fixture.kis.violations()).isEmpty();
        fixture.close();
    }

    @Test
    void aRestartedProcessReusesTheCachedTokenInsteadOfAskingAgain() throws Exception {
        fixture = new KisFixture(tokens);
        KisSession first = fixture.session(fixture.config(KisMode.REAL));
        first.quotations().price("005930");
        assertThat(fixture.kis.tokensIssued(KisFixture.REAL_KEY)).isEqualTo(1);

        // A new process: new session, same cache directory, five minutes later.
        fixture.clock.advance(Duration.ofMinutes(5));
        KisSession restarted = fixture.session(fixture.config(KisMode.REAL));
        restarted.quotations().price("005930");
        assertThat(fixture.kis.tokensIssued(KisFixture.REAL_KEY)).isEqualTo(1);
        assertThat(restarted.tokens().current().value()).isEqualTo(first.tokens().current().value());

        Path file = new TokenCache(tokens).fileFor(new KisCredentials(KisFixture.REAL_KEY, KisFixture.SECRET));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain(KisFixture.REAL_KEY).doesNotContain(KisFixture.SECRET);
    }

    @Test
    void aTokenNearItsExpiryIsReplacedBeforeUse() throws Exception {
        fixture = new KisFixture(tokens);
        KisSession session = fixture.session(fixture.config(KisMode.REAL));
        String first = session.tokens().current().value();
        fixture.clock.advance(Duration.ofHours(23).plusMinutes(55));
        session.quotations().price("005930");
        assertThat(session.tokens().current().value()).isNotEqualTo(first);
        assertThat(fixture.kis.tokensIssued(KisFixture.REAL_KEY)).isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsRenewedOnceWaitingOutTheOneAMinuteRule() throws Exception {
        fixture = new KisFixture(tokens);
        KisSession session = fixture.session(fixture.config(KisMode.REAL));
        session.quotations().price("005930");
        fixture.kis.expireTokens(); // KIS now answers EGW00123 to the token we hold, seconds after issuing it

        assertThat(session.quotations().price("005930").price()).isEqualByComparingTo("70000");
        assertThat(fixture.kis.tokensIssued(KisFixture.REAL_KEY)).isEqualTo(2);
        // The second issue came only after the minute KIS insists on (waited on the test clock, not for real).
        assertThat(fixture.clock.skipped()).isGreaterThanOrEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void anotherProcessIssuingFirstIsAbsorbedByWaitingOnEgw00133() throws Exception {
        fixture = new KisFixture(tokens);
        // Another program with the same key (and its own cache) took this minute's token.
        KisSession other = fixture.session(fixture.config(KisMode.REAL).withTokenCacheDir(tokens.resolve("other")));
        other.tokens().current();

        KisSession ours = fixture.session(fixture.config(KisMode.REAL));
        assertThat(ours.quotations().price("005930").price()).isEqualByComparingTo("70000");
        assertThat(fixture.kis.tokensIssued(KisFixture.REAL_KEY)).isEqualTo(2);
        assertThat(fixture.clock.skipped()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }
}
