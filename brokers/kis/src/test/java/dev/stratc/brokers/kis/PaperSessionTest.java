package dev.stratc.brokers.kis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.RecordingListener;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.market.MarketEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole paper session on the mock, at paper's 2 requests/s: a trade streams in, the signal it triggers becomes
 * a market order, KIS's encrypted notice reports the fill, and the balance shows the position — then the exit.
 */
class PaperSessionTest {

    @TempDir
    Path tokens;

    @Test
    void signalOrderNoticePosition() throws Exception {
        try (KisFixture fixture = new KisFixture(tokens)) {
            KisBroker broker = fixture.broker(KisMode.PAPER);
            RecordingListener events = new RecordingListener();
            broker.start(events);
            try {
                assertThat(broker.info().environment()).isEqualTo(dev.stratc.runtime.broker.BrokerInfo.Environment.PAPER);
                broker.subscribe(Set.of("A" + KisFixture.SAMSUNG));
                fixture.kis.tradeAt(KisFixture.SAMSUNG, 71_000, 500);
                MarketEvent.Trade trade = awaitTrade(events);
                assertThat(trade.price()).isEqualTo(71_000);

                // The signal: price above 70,500 → buy 5 at market.
                assertThat(trade.price() > 70_500).isTrue();
                broker.submit(SubmitOrder.market("entry-1", KisFixture.SAMSUNG, Side.BUY, 5));
                OrderEvent.Fill fill = events.await("entry-1", OrderEvent.Fill.class, f -> f.leavesQuantity() == 0,
                        Duration.ofSeconds(5));
                assertThat(fill.price()).isEqualTo(71_000);
                assertThat(fill.cumulativeQuantity()).isEqualTo(5);

                List<BrokerPosition> positions = broker.positions();
                assertThat(positions).singleElement().satisfies(p -> {
                    assertThat(p.symbol()).isEqualTo(KisFixture.SAMSUNG);
                    assertThat(p.quantity()).isEqualTo(5);
                    assertThat(p.averagePrice()).isEqualTo(71_000);
                });
                assertThat(broker.balances().get(0).free()).isEqualTo(10_000_000 - 5 * 71_000);

                broker.submit(SubmitOrder.market("exit-1", KisFixture.SAMSUNG, Side.SELL, 5));
                events.await("exit-1", OrderEvent.Fill.class, f -> f.leavesQuantity() == 0, Duration.ofSeconds(5));
                assertThat(broker.positions()).isEmpty();
                assertThat(fixture.kis.holding(KisFixture.PAPER_KEY, KisFixture.SAMSUNG)).isZero();
            } finally {
                broker.stop();
            }
            assertThat(fixture.kis.violations()).isEmpty();
        }
    }

    private static MarketEvent.Trade awaitTrade(RecordingListener events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (MarketEvent event : events.marketEvents()) {
                if (event instanceof MarketEvent.Trade trade) {
                    return trade;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no trade within 5 s");
    }
}
