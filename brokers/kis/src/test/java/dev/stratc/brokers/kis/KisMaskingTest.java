package dev.stratc.brokers.kis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.BrokerListener;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.market.MarketEvent;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account numbers and HTS IDs never appear whole in what the adapter says. */
class KisMaskingTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheLastCharactersShow() {
        assertThat(KisMask.tail("50000001-01")).isEqualTo("*******1-01");
        assertThat(KisMask.tail("trader1")).isEqualTo("*****r1");
        assertThat(KisMask.tail("abc")).isEqualTo("***");
        assertThat(KisAccountNumber.parse("5000000101").toString()).isEqualTo("*******1-01");
        assertThatThrownBy(() -> KisAccountNumber.parse("5000000-0101"))
                .hasMessageNotContaining("5000000-0")
                .hasMessageContaining("expected 8 digits, a dash and the 2-digit product code");
    }

    @Test
    void aRefusedNoticeRegistrationFailsAtOnceNamingTheHtsIdMasked() throws Exception {
        try (KisFixture fixture = new KisFixture(dir)) {
            KisAccountConfig right = fixture.config(KisMode.PAPER);
            KisAccountConfig wrong = new KisAccountConfig(right.id(), right.mode(), right.credentials(),
                    right.account(), "someoneelse", "P", right.endpoints(), 0, dir, false);
            KisBroker broker = new KisBroker(fixture.session(wrong), fixture.clock, KisFixture.TIMING,
                    dir.resolve("orders"));
            long started = System.nanoTime();
            assertThatThrownBy(() -> broker.start(new BrokerListener() {
                @Override
                public void onOrderEvent(OrderEvent event) {
                }

                @Override
                public void onMarketEvent(MarketEvent event) {
                }

                @Override
                public void onConnection(boolean up, String detail) {
                }
            })).isInstanceOf(BrokerException.class)
                    .hasMessageContaining("KIS refused them: [OPSP0011]")
                    .hasMessageContaining("HTS ID *******else")
                    .hasMessageNotContaining("someoneelse")
                    .hasMessageNotContaining("50000002");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not the 10 s confirmation timeout")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }
}
