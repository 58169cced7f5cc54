package dev.stratc.brokers.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratc.runtime.broker.BrokerPosition;
import dev.stratc.runtime.broker.OrderEvent;
import dev.stratc.runtime.broker.OrderStatus;
import dev.stratc.runtime.broker.RecordingListener;
import dev.stratc.runtime.broker.Side;
import dev.stratc.runtime.broker.SubmitOrder;
import dev.stratc.runtime.market.MarketEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket session (LOGIN, REG/REMOVE, PING, 0B/0D, reconnect) and what survives a restart. */
class KiwoomRealtimeAndRestartTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    KiwoomFixture fixture;

    @BeforeEach
    void mock() {
        fixture = new KiwoomFixture(KiwoomEnvironment.MOCK, dir);
    }

    @AfterEach
    void close() throws Exception {
        assertThat(fixture.kiwoom.violations()).isEmpty();
        fixture.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void tradesStreamPingsAreEchoedAndASessionComesBackRegistered() throws Exception {
        KiwoomBroker broker = fixture.broker();
        RecordingListener listener = new RecordingListener();
        broker.start(listener);
        try {
            assertThat(fixture.kiwoom.registered("00", "")).as("order notices for the token's account").isTrue();
            assertThat(fixture.kiwoom.registered("04", "")).as("balance notices").isTrue();
            broker.subscribe(Set.of("A005930"));
            await("0B registration", () -> fixture.kiwoom.registered("0B", "005930"));
            assertThat(fixture.kiwoom.registered("0D", "005930")).isTrue();

            fixture.kiwoom.ping();
            await("the PING echo", () -> fixture.kiwoom.pingEchoes() == 1);

            fixture.kiwoom.tradeAt("005930", 69_900, 7); // a down tick: "-69900" on the wire
            await("the trade", () -> listener.marketEvents().stream().anyMatch(e -> e instanceof MarketEvent.Trade));
            MarketEvent.Trade trade = (MarketEvent.Trade) listener.marketEvents().stream()
                    .filter(e -> e instanceof MarketEvent.Trade).findFirst().orElseThrow();
            assertThat(trade.price()).isEqualTo(69_900);
            assertThat(trade.size()).isEqualTo(7);

            fixture.kiwoom.closeSockets();
            await("the session to log in again with its registrations",
                    () -> fixture.kiwoom.registered("0B", "005930") && fixture.kiwoom.registered("00", ""));

            broker.unsubscribe(Set.of("005930"));
            await("REMOVE", () -> !fixture.kiwoom.registered("0B", "005930"));
        } finally {
            broker.stop();
        }
    }

    @Test
    void aRestartedProcessKnowsItsOrdersAndNeverSendsOneTwice() throws Exception {
        KiwoomBroker first = fixture.broker();
        RecordingListener listener = new RecordingListener();
        first.start(listener);
        first.submit(SubmitOrder.limit("run-1", "005930", Side.BUY, 4, 60_000));
        listener.await("run-1", OrderEvent.Accepted.class, TIMEOUT);
        first.stop(); // the process dies

        fixture.kiwoom.tradeAt("005930", 60_000, 1); // fills while nobody listens
        KiwoomBroker second = fixture.broker();
        RecordingListener after = new RecordingListener();
        second.start(after);
        try {
            second.submit(SubmitOrder.limit("run-1", "005930", Side.BUY, 4, 60_000)); // the journal resends it
            assertThat(after.await("run-1", OrderEvent.Rejected.class, TIMEOUT).reason())
                    .isEqualTo(dev.stratc.runtime.broker.RejectReason.DUPLICATE_CLIENT_ORDER_ID);
            assertThat(fixture.kiwoom.orders(KiwoomFixture.MOCK_KEY)).isEqualTo(1);
            var report = second.order("run-1").orElseThrow();
            assertThat(report.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(report.filledQuantity()).isEqualTo(1);

            fixture.kiwoom.tradeAt("005930", 60_000, 10);
            OrderEvent.Fill fill = after.await("run-1", OrderEvent.Fill.class, f -> f.leavesQuantity() == 0, TIMEOUT);
            assertThat(fill.quantity()).isEqualTo(3);
            assertThat(fill.cumulativeQuantity()).isEqualTo(4);
        } finally {
            second.stop();
        }
    }

    @Test
    void sharesHeldBeforeTheRunAreReportedAsPositions() throws Exception {
        fixture.kiwoom.addSymbol("000660", 180_000);
        fixture.kiwoom.hold(KiwoomFixture.MOCK_KEY, "000660", 12, 150_000);
        KiwoomBroker broker = fixture.broker();
        broker.start(new RecordingListener());
        try {
            assertThat(broker.positions()).containsExactly(new BrokerPosition("000660", 12, 150_000));
            assertThat(broker.balances().get(0).free()).isEqualTo(10_000_000);
        } finally {
            broker.stop();
        }
    }
}
