package dev.stratc.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BrokerPort} passes: market, limit, cancel, partial fill, reject, duplicate client
 * order id, replace, and an idempotent lifecycle. An adapter's test extends this class, builds the adapter
 * against its venue (a mock server on loopback) and drives that venue through a {@link ContractMarket}.
 */
public abstract class BrokerContractTest {

    /** How long a test waits for an event; generous, since adapters talk to a server. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(5);

    protected BrokerPort broker;
    protected RecordingListener listener;
    protected ContractMarket market;

    /** A fresh, not yet started adapter, with its venue ready to trade {@link #market()}'s symbol. */
    protected abstract BrokerPort newBroker();

    /** The venue behind the broker {@link #newBroker()} returned last. */
    protected abstract ContractMarket market();

    @BeforeEach
    void startBroker() {
        broker = newBroker();
        market = market();
        listener = new RecordingListener();
        broker.start(listener);
    }

    @AfterEach
    void stopBroker() {
        broker.stop();
    }

    protected static String newId() {
        return "ct-" + UUID.randomUUID().toString().substring(0, 18);
    }

    private double positionOf(String symbol) {
        return broker.positions().stream().filter(p -> p.symbol().equals(symbol))
                .mapToDouble(BrokerPosition::quantity).sum();
    }

    @Test
    void marketOrderIsAcceptedAndFillsCompletely() {
        double before = positionOf(market.symbol());
        String id = newId();
        broker.submit(SubmitOrder.market(id, market.symbol(), Side.BUY, market.quantity()));
        listener.await(id, OrderEvent.Accepted.class, TIMEOUT);
        market.tradeAt(market.lastPrice(), market.quantity() * 10);

        OrderEvent.Fill last = listener.await(id, OrderEvent.Fill.class, f -> f.leavesQuantity() == 0, TIMEOUT);
        assertThat(last.cumulativeQuantity()).isCloseTo(market.quantity(), within(1e-9));
        assertThat(last.side()).isEqualTo(Side.BUY);
        assertThat(positionOf(market.symbol()) - before).isCloseTo(market.quantity(), within(1e-9));
        assertThat(broker.openOrders()).noneMatch(o -> o.clientOrderId().equals(id));
        OrderReport report = broker.order(id).orElseThrow();
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isCloseTo(market.quantity(), within(1e-9));
        assertThat(report.averageFillPrice()).isPositive();
    }

    @Test
    void limitOrderBelowTheMarketRestsAsAnOpenOrder() {
        String id = newId();
        broker.submit(SubmitOrder.limit(id, market.symbol(), Side.BUY, market.quantity(), market.restingBuyPrice()));
        listener.await(id, OrderEvent.Accepted.class, TIMEOUT);

        assertThat(broker.openOrders()).anySatisfy(o -> {
            assertThat(o.clientOrderId()).isEqualTo(id);
            assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
            assertThat(o.limitPrice()).isCloseTo(market.restingBuyPrice(), within(1e-9));
            assertThat(o.filledQuantity()).isZero();
        });
        assertThat(listener.events(id)).noneMatch(OrderEvent.Fill.class::isInstance);
    }

    @Test
    void cancelEndsAWorkingOrderOnceAndASecondCancelDoesNotFail() {
        String id = newId();
        broker.submit(SubmitOrder.limit(id, market.symbol(), Side.BUY, market.quantity(), market.restingBuyPrice()));
        listener.await(id, OrderEvent.Accepted.class, TIMEOUT);

        broker.cancel(new CancelOrder(id, market.symbol()));
        listener.await(id, OrderEvent.Cancelled.class, TIMEOUT);
        assertThat(broker.openOrders()).noneMatch(o -> o.clientOrderId().equals(id));
        assertThat(broker.order(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);

        assertThatCode(() -> broker.cancel(new CancelOrder(id, market.symbol()))).doesNotThrowAnyException();
        listener.await(id, OrderEvent.CancelRejected.class, TIMEOUT);
        assertThat(listener.events(id)).filteredOn(OrderEvent.Cancelled.class::isInstance).hasSize(1);
    }

    @Test
    void partialFillLeavesTheRestWorkingUntilCancelled() {
        double before = positionOf(market.symbol());
        String id = newId();
        double quantity = market.quantity();
        broker.submit(SubmitOrder.limit(id, market.symbol(), Side.BUY, quantity, market.restingBuyPrice()));
        listener.await(id, OrderEvent.Accepted.class, TIMEOUT);

        double part = quantity / 2;
        market.tradeAt(market.restingBuyPrice(), part);
        OrderEvent.Fill fill = listener.await(id, OrderEvent.Fill.class, TIMEOUT);
        assertThat(fill.quantity()).isCloseTo(part, within(1e-9));
        assertThat(fill.leavesQuantity()).isCloseTo(quantity - part, within(1e-9));
        assertThat(fill.price()).isLessThanOrEqualTo(market.restingBuyPrice());
        assertThat(broker.openOrders()).anySatisfy(o -> {
            assertThat(o.clientOrderId()).isEqualTo(id);
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(o.filledQuantity()).isCloseTo(part, within(1e-9));
        });

        broker.cancel(new CancelOrder(id, market.symbol()));
        OrderEvent.Cancelled cancelled = listener.await(id, OrderEvent.Cancelled.class, TIMEOUT);
        assertThat(cancelled.filledQuantity()).isCloseTo(part, within(1e-9));
        assertThat(positionOf(market.symbol()) - before).isCloseTo(part, within(1e-9));
    }

    @Test
    void anOrderTheAccountCannotPayForIsRejectedAndLeavesNothing() {
        String id = newId();
        broker.submit(SubmitOrder.limit(id, market.symbol(), Side.BUY, market.unaffordableQuantity(),
                market.lastPrice()));
        OrderEvent.Rejected rejected = listener.await(id, OrderEvent.Rejected.class, TIMEOUT);
        assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        assertThat(rejected.message()).isNotBlank();
        assertThat(broker.openOrders()).noneMatch(o -> o.clientOrderId().equals(id));
        assertThat(listener.events(id)).noneMatch(OrderEvent.Accepted.class::isInstance);
    }

    @Test
    void aDuplicateClientOrderIdIsRejectedAndDoesNotOpenASecondOrder() {
        String id = newId();
        SubmitOrder order = SubmitOrder.limit(id, market.symbol(), Side.BUY, market.quantity(),
                market.restingBuyPrice());
        broker.submit(order);
        listener.await(id, OrderEvent.Accepted.class, TIMEOUT);

        broker.submit(order);
        OrderEvent.Rejected rejected = listener.await(id, OrderEvent.Rejected.class, TIMEOUT);
        assertThat(rejected.reason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(broker.openOrders()).filteredOn(o -> o.clientOrderId().equals(id)).hasSize(1);
        assertThat(broker.order(id).orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void replaceMovesAWorkingLimitOrder() {
        String id = newId();
        String newId = newId();
        broker.submit(SubmitOrder.limit(id, market.symbol(), Side.BUY, market.quantity(), market.restingBuyPrice()));
        listener.await(id, OrderEvent.Accepted.class, TIMEOUT);

        double newPrice = market.restingBuyPrice() * 0.99;
        broker.replace(new ReplaceOrder(id, newId, market.symbol(), market.quantity(), newPrice));
        OrderEvent.Replaced replaced = listener.await(id, OrderEvent.Replaced.class, TIMEOUT);
        assertThat(replaced.newClientOrderId()).isEqualTo(newId);
        assertThat(broker.openOrders()).anySatisfy(o -> {
            assertThat(o.clientOrderId()).isEqualTo(newId);
            assertThat(o.limitPrice()).isCloseTo(newPrice, within(1e-6));
        });
        assertThat(broker.openOrders()).noneMatch(o -> o.clientOrderId().equals(id));
    }

    @Test
    void unknownOrdersAreEmptyNotErrors() {
        assertThat(broker.order(newId())).isEmpty();
    }

    @Test
    void startAndStopAreIdempotent() {
        assertThatCode(() -> {
            broker.start(listener);
            broker.stop();
            broker.stop();
            broker.start(listener);
        }).doesNotThrowAnyException();
        assertThat(broker.info().venue()).isNotBlank();
    }
}
