package dev.stratc.brokers.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratc.runtime.broker.BrokerException;
import dev.stratc.runtime.broker.RecordingListener;
import dev.stratc.runtime.market.MarketEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the session does not stream is polled: ka10095, 100 codes a request, and subscriptions beyond the room. */
class KiwoomPollingTest {
    @TempDir
    Path dir;
    KiwoomFixture fixture;

    @BeforeEach
    void mock() {
        fixture = new KiwoomFixture(KiwoomEnvironment.MOCK, dir);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void symbolsBeyondTheSessionsRoomAreNamedAndNotRegistered() {
        KiwoomBroker broker = fixture.broker(2);
        broker.start(new RecordingListener());
        try {
            assertThat(broker.info().maxSubscriptions()).isEqualTo(2);
            assertThat(broker.info().quoteBatchSize()).isEqualTo(100);
            LinkedHashSet<String> symbols = new LinkedHashSet<>(List.of("005930", "000660", "035420"));
            assertThatThrownBy(() -> broker.subscribe(symbols)).isInstanceOf(BrokerException.class)
                    .hasMessageContaining("1 symbol(s) not streamed").hasMessageContaining("at most 2");
            long registered = symbols.stream().filter(s -> fixture.kiwoom.registered("0B", s)).count();
            assertThat(registered).isEqualTo(2);
            assertThat(fixture.kiwoom.violations()).isEmpty();
        } finally {
            broker.stop();
        }
    }

    @Test
    void aPollQuotesEveryKnownCodeAndTellsWhatTradedSinceAsATrade() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String code = String.format("%06d", 100_000 + i * 7);
            codes.add(code);
            fixture.kiwoom.addSymbol(code, 10_000 + i * 10L);
        }
        codes.set(99, "999999"); // not listed: left out of the answer
        KiwoomBroker broker = fixture.broker();
        RecordingListener listener = new RecordingListener();
        broker.start(listener);
        try {
            List<MarketEvent.Quote> first = broker.quotes(codes);
            assertThat(first).hasSize(99);
            MarketEvent.Quote q = first.get(3);
            assertThat(q.symbol()).isEqualTo(codes.get(3));
            assertThat(q.bid()).isEqualTo(10_030);
            assertThat(q.ask()).as("one tick (10 won) above").isEqualTo(10_040);
            assertThat(listener.marketEvents()).as("the first poll only sets the volume baseline").isEmpty();

            fixture.kiwoom.tradeAt(codes.get(3), 10_050, 40);
            broker.quotes(codes);

            assertThat(listener.marketEvents()).singleElement().isInstanceOfSatisfying(MarketEvent.Trade.class,
                    t -> {
                        assertThat(t.symbol()).isEqualTo(codes.get(3));
                        assertThat(t.price()).isEqualTo(10_050);
                        assertThat(t.size()).isEqualTo(40);
                    });
            assertThat(fixture.kiwoom.calls("ka10095")).isEqualTo(2);
            assertThat(fixture.kiwoom.violations()).isEmpty();
        } finally {
            broker.stop();
        }
    }
}
