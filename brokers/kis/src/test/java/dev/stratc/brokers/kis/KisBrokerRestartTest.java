package dev.stratc.brokers.kis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.runtime.broker.CancelOrder;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.RecordingListener;
import dev.stratc.runtime.broker.RejectReason;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KIS keeps no client order ids: a restarted process must still know today's orders by the runtime's ids. */
class KisBrokerRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path state;

    @Test
    void aRestartedBrokerFindsTodaysOrdersByClientIdAndRefusesToSendThemAgain() throws Exception {
        try (KisFixture fixture = new KisFixture(state)) {
            KisBroker before = fixture.broker(KisMode.REAL);
            RecordingListener first = new RecordingListener();
            before.start(first);
            before.submit(SubmitOrder.limit("rest-1", KisFixture.SAMSUNG, Side.BUY, 10, 60_000));
            first.await("rest-1", OrderEvent.Accepted.class, TIMEOUT);
            before.submit(SubmitOrder.market("mkt-1", KisFixture.SAMSUNG, Side.BUY, 3));
            first.await("mkt-1", OrderEvent.Fill.class, TIMEOUT);
            before.stop();

            fixture.kis.tradeAt(KisFixture.SAMSUNG, 60_000, 4); // fills part of rest-1 while no one listens

            KisBroker after = fixture.broker(KisMode.REAL);
            RecordingListener second = new RecordingListener();
            after.start(second);
            try {
                assertThat(after.order("mkt-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
                assertThat(after.order("rest-1").orElseThrow()).satisfies(report -> {
                    assertThat(report.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
                    assertThat(report.filledQuantity()).isEqualTo(4);
                });
                assertThat(after.openOrders()).extracting(r -> r.clientOrderId()).containsExactly("rest-1");

                after.submit(SubmitOrder.limit("rest-1", KisFixture.SAMSUNG, Side.BUY, 10, 60_000));
                assertThat(second.await("rest-1", OrderEvent.Rejected.class, TIMEOUT).reason())
                        .isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);

                fixture.kis.tradeAt(KisFixture.SAMSUNG, 60_000, 2);
                OrderEvent.Fill fill = second.await("rest-1", OrderEvent.Fill.class, TIMEOUT);
                assertThat(fill.cumulativeQuantity()).isEqualTo(6);
                assertThat(fill.leavesQuantity()).isEqualTo(4);

                after.cancel(new CancelOrder("rest-1", KisFixture.SAMSUNG));
                assertThat(second.await("rest-1", OrderEvent.Cancelled.class, TIMEOUT).filledQuantity()).isEqualTo(6);
            } finally {
                after.stop();
            }
            assertThat(fixture.kis.violations()).isEmpty();
        }
    }
}
