package dev.stratc.brokers.kiwoom;

import dev.stratc.runtime.broker.BrokerClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.brokers.kiwoom.mock.MockKiwoom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, paging, refusals and pacing against the mock. */
class KiwoomRestTest {
    @TempDir
    Path dir;
    KiwoomFixture fixture;
    MockKiwoom kiwoom;

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

    @Test
    void theTokenIsCachedOwnerOnlyAndSharedByEverySessionOfTheKey() throws Exception {
        KiwoomSession first = fixture.session(KiwoomFixture.FAST);
        first.trading().holdings();
        Path file = first.tokens().file();
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).doesNotContain(KiwoomFixture.MOCK_KEY).doesNotContain(KiwoomFixture.SECRET);

        KiwoomSession second = fixture.session(KiwoomFixture.FAST); // another command, later
        second.trading().holdings();
        assertThat(kiwoom.tokensIssued(KiwoomFixture.MOCK_KEY)).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsReissuedOnceAndTheCallGoesThrough() {
        KiwoomSession session = fixture.session(KiwoomFixture.FAST);
        session.trading().holdings();
        kiwoom.expireTokens();
        assertThat(session.trading().holdings()).isEmpty();
        assertThat(kiwoom.tokensIssued(KiwoomFixture.MOCK_KEY)).isEqualTo(2);
    }

    @Test
    void aTokenRefusedAgainAfterItsRenewalFailsInsteadOfLooping() {
        KiwoomSession session = fixture.session(KiwoomFixture.FAST);
        session.trading().holdings();
        kiwoom.expireTokens();
        session.trading().holdings(); // renewed once
        kiwoom.expireTokens();
        assertThatThrownBy(() -> session.trading().holdings()).isInstanceOf(KiwoomAuthException.class)
                .hasMessageContaining("8005");
        assertThat(kiwoom.tokensIssued(KiwoomFixture.MOCK_KEY)).isEqualTo(2);
    }

    @Test
    void wrongSecretIsAnAuthenticationErrorWithAHint() {
        KiwoomConfig wrong = KiwoomConfig.of("kw", KiwoomEnvironment.MOCK, KiwoomFixture.MOCK_KEY, "wrong",
                kiwoom.restUrl(), kiwoom.webSocketUrl(), dir.resolve("t2"), KiwoomFixture.FAST);
        KiwoomSession session = new KiwoomSession(wrong, KiwoomHttp.defaultClient(), BrokerClock.SYSTEM);
        assertThatThrownBy(() -> session.trading().holdings()).isInstanceOf(KiwoomAuthException.class)
                .hasMessageContaining("8002").hasMessageContaining("secret_key").hasMessageNotContaining("wrong");
    }

    @Test
    void aKeyOfTheOtherHostIsNamedAsSuch() {
        KiwoomConfig real = KiwoomConfig.of("kw", KiwoomEnvironment.MOCK, KiwoomFixture.REAL_KEY,
                KiwoomFixture.SECRET, kiwoom.restUrl(), kiwoom.webSocketUrl(), dir.resolve("t3"), KiwoomFixture.FAST);
        KiwoomSession session = new KiwoomSession(real, KiwoomHttp.defaultClient(), BrokerClock.SYSTEM);
        assertThatThrownBy(() -> session.trading().holdings()).hasMessageContaining("8030")
                .hasMessageContaining("other environment");
    }

    @Test
    void listsArePagedToTheEnd() {
        kiwoom.setPageSize(2);
        for (int i = 0; i < 7; i++) {
            String code = String.format("%06d", 100 + i);
            kiwoom.addSymbol(code, 10_000);
            kiwoom.hold(KiwoomFixture.MOCK_KEY, code, i + 1, 9_000);
        }
        var holdings = fixture.session(KiwoomFixture.FAST).trading().holdings();
        assertThat(holdings).hasSize(7);
        assertThat(holdings.get(6).symbol()).isEqualTo("000106");
        assertThat(holdings.get(6).quantity()).isEqualTo(7);
        assertThat(kiwoom.calls("kt00018")).isEqualTo(4);
    }

    @Test
    void a1700RefusalIsWaitedOutAndSentAgain() {
        KiwoomSession session = fixture.session(KiwoomFixture.FAST);
        session.trading().holdings();
        kiwoom.refuseNext(2);
        assertThat(session.trading().orderableCash()).isEqualByComparingTo("10000000");
        assertThat(kiwoom.refusals()).isEqualTo(2);
    }

    @Test
    void theDefaultPaceNeverExceedsOneRequestOfAnApiIdPerRollingSecond() {
        kiwoom.setPerApiIdPerSecond(1);
        KiwoomLimits generous = new KiwoomLimits(1, 5, 5); // the real host's defaults, so the test takes ~3 s
        KiwoomSession session = fixture.session(generous);
        for (int i = 0; i < 4; i++) {
            session.trading().orderableCash();
        }
        assertThat(kiwoom.rateBreaches()).isEmpty();
        assertThat(kiwoom.refusals()).isZero();
        assertThat(kiwoom.calls("kt00001")).isEqualTo(4);
    }

    @Test
    void revokeEndsTheToken() throws Exception {
        KiwoomSession session = fixture.session(KiwoomFixture.FAST);
        session.trading().holdings();
        session.tokens().revoke();
        assertThat(session.tokens().file()).doesNotExist();
        assertThat(kiwoom.calls("au10002")).isEqualTo(1);
    }

    @Test
    void 모의투자OnlyTakesKrxOrders() {
        assertThatThrownBy(() -> new KiwoomConfig("kw", KiwoomEnvironment.MOCK, "k", "s", null, null, dir, null,
                "NXT", 0, 0, 0)).isInstanceOf(KiwoomException.class).hasMessageContaining("KRX only");
        assertThat(new KiwoomConfig("kw", KiwoomEnvironment.REAL, "k", "s", null, null, dir, null, "SOR", 0, 0, 0)
                .restUrl()).isEqualTo("https://api.kiwoom.com");
    }
}
